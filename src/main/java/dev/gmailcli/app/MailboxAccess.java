package dev.gmailcli.app;

import dev.gmailcli.auth.CredentialStore;
import dev.gmailcli.auth.GmailAuthorization;
import dev.gmailcli.auth.StoredToken;
import java.util.Optional;

/**
 * Opens the saved login for reading mail. With no saved login, a person at a terminal is taken
 * through {@code gmailcli login} first (as the Python quickstart does); without a terminal (cron)
 * gmailcli never starts a browser or a listener and stops with exit 3 instead.
 */
public final class MailboxAccess {
  private final Services services;

  public MailboxAccess(Services services) {
    this.services = services;
  }

  /** The saved login, ready for Gmail requests (refreshed and saved first when due). */
  public GmailAuthorization open() {
    CredentialStore store = services.credentialStore();
    Optional<StoredToken> saved = store.find();
    if (saved.isEmpty()) {
      if (!services.env().terminal().stdinInteractive()) {
        throw CredentialStore.notLoggedIn(store.file());
      }
      services.env().err().println("Not logged in yet: starting `gmailcli login`.");
      saved =
          Optional.of(
              new LoginTask(services).run(LoginTask.DEFAULT_SCOPES, 0, LoginTask.DEFAULT_TIMEOUT));
    }
    return store.open(saved.get(), CredentialStore.READ_SCOPES);
  }
}
