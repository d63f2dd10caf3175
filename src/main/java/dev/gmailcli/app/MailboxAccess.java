package dev.gmailcli.app;

import dev.gmailcli.Scopes;
import dev.gmailcli.auth.CredentialStore;
import dev.gmailcli.auth.GmailAuthorization;
import dev.gmailcli.auth.StoredToken;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Opens the mailbox for a command that reads mail: the saved login, refreshed and saved first when
 * due — or, with no saved login and a person at a terminal, {@code gmailcli login} first (as the
 * Python quickstart does). Without a terminal (cron) gmailcli never starts a browser or a listener
 * and stops with exit 3 instead.
 */
public final class MailboxAccess {
  private final CredentialStore store;
  private final boolean personPresent;
  private final Supplier<StoredToken> logIn;
  private final PrintWriter err;

  /**
   * @param personPresent stdin is a terminal, so a login may be offered
   * @param logIn runs {@code gmailcli login} and returns the new, saved login
   * @param err where starting the login is announced
   */
  public MailboxAccess(
      CredentialStore store, boolean personPresent, Supplier<StoredToken> logIn, PrintWriter err) {
    this.store = store;
    this.personPresent = personPresent;
    this.logIn = logIn;
    this.err = err;
  }

  /** The authorization for Gmail requests. */
  public GmailAuthorization open() {
    Optional<StoredToken> saved = store.find();
    if (saved.isEmpty()) {
      if (!personPresent) {
        throw CredentialStore.notLoggedIn(store.file());
      }
      err.println("Not logged in yet: starting `gmailcli login`.");
      saved = Optional.of(logIn.get());
    }
    return store.open(saved.get(), Scopes.READ_ANY);
  }
}
