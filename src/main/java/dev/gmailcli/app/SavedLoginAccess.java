package dev.gmailcli.app;

import dev.gmailcli.GmailCliException;
import dev.gmailcli.Scopes;
import dev.gmailcli.auth.CredentialStore;
import dev.gmailcli.auth.GmailAuthorization;
import dev.gmailcli.auth.StoredToken;
import dev.gmailcli.gmail.GmailService;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The mailbox of a saved user login: the login, refreshed and saved first when due — or, with no
 * saved login and a person at a terminal, {@code gmailcli login} first (as the Python quickstart
 * does). Without a terminal (cron) gmailcli never starts a browser or a listener and stops with
 * exit 3 instead; so it does for a profile that has no login (a mistyped name must not start one).
 */
public final class SavedLoginAccess implements MailboxAccess {
  private final CredentialStore store;
  private final String profile;
  private final boolean personPresent;
  private final Supplier<StoredToken> logIn;
  private final Function<GmailAuthorization, GmailService> gmail;
  private final PrintWriter err;

  /**
   * @param profile the profile's name, or null for the default login
   * @param personPresent stdin and stderr are terminals and input is allowed: a login may be
   *     offered
   * @param logIn runs {@code gmailcli login} and returns the new, saved login
   * @param gmail opens Gmail with the login, to prove it works
   * @param err where starting the login is announced
   */
  public SavedLoginAccess(
      CredentialStore store,
      String profile,
      boolean personPresent,
      Supplier<StoredToken> logIn,
      Function<GmailAuthorization, GmailService> gmail,
      PrintWriter err) {
    this.store = store;
    this.profile = profile;
    this.personPresent = personPresent;
    this.logIn = logIn;
    this.gmail = gmail;
    this.err = err;
  }

  @Override
  public GmailAuthorization open() {
    Optional<StoredToken> saved = store.find();
    if (saved.isEmpty()) {
      if (profile != null) {
        throw noSuchProfile(profile);
      }
      if (!personPresent) {
        throw CredentialStore.notLoggedIn(store.file());
      }
      err.println("Not logged in yet: starting `gmailcli login`.");
      saved = Optional.of(logIn.get());
    }
    return store.open(saved.get(), Scopes.READ_ANY);
  }

  // Proving the login never offers one: this is for monitoring.
  @Override
  public GmailAuthorization openAndProve() {
    StoredToken saved =
        store
            .find()
            .orElseThrow(
                () ->
                    profile != null
                        ? noSuchProfile(profile)
                        : CredentialStore.notLoggedIn(store.file()));
    GmailAuthorization authorization = store.open(saved, Scopes.READ_ANY);
    gmail.apply(authorization).emailAddress();
    return authorization;
  }

  /** The error for a profile without a saved login. */
  static GmailCliException noSuchProfile(String profile) {
    return GmailCliException.loginRequired(
        "no saved login for profile "
            + profile
            + " — run `gmailcli login --profile "
            + profile
            + "`",
        "run `gmailcli login --profile "
            + profile
            + "` at a terminal; `gmailcli status --all` lists the profiles there are",
        null);
  }
}
