package dev.gmailcli.app;

import dev.gmailcli.Scopes;
import dev.gmailcli.auth.CredentialStore;
import dev.gmailcli.auth.GmailAuthorization;
import dev.gmailcli.auth.StoredToken;
import dev.gmailcli.gmail.GmailService;
import dev.gmailcli.output.StatusReport;
import dev.gmailcli.state.CursorStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * {@code gmailcli status}: what the saved login holds, read from token.json alone, and the cursors
 * of {@code threads --new}; with {@code --check}, proof that a Gmail call works right now.
 */
public final class StatusTask {
  private final CredentialStore store;
  private final CursorStore cursors;
  private final Clock clock;
  private final Function<GmailAuthorization, GmailService> gmail;

  /**
   * @param cursors the cursors of {@code threads --new}, listed with the login
   * @param gmail opens Gmail with a login, for the check
   */
  public StatusTask(
      CredentialStore store,
      CursorStore cursors,
      Clock clock,
      Function<GmailAuthorization, GmailService> gmail) {
    this.store = store;
    this.cursors = cursors;
    this.clock = clock;
    this.gmail = gmail;
  }

  /** Reads the saved login and the cursors; exit 3 when there is no login. No network call. */
  public StatusReport report() {
    StoredToken token = saved();
    Instant now = clock.instant();
    boolean valid =
        token.token() != null
            && !token.token().isEmpty()
            && token.expiry() != null
            && token.expiry().isAfter(now);
    return new StatusReport(
        token.account() == null ? "" : token.account(),
        store.file().path(),
        token.clientId(),
        token.scopes() == null ? List.of() : token.scopes(),
        token.expiry(),
        valid,
        token.refreshToken() != null && !token.refreshToken().isEmpty(),
        token.loginTime(),
        now,
        cursors.directory(),
        cursors.list());
  }

  /**
   * Proves the login works now: refreshes and saves the access token if due, then makes the
   * cheapest Gmail call (users.getProfile, 1 quota unit). Never offers a login.
   *
   * @throws dev.gmailcli.GmailCliException exit 3 when a person must log in, 4 for a broken file, 5
   *     when Google cannot be reached
   */
  public void check() {
    gmail.apply(store.open(saved(), Scopes.READ_ANY)).emailAddress();
  }

  private StoredToken saved() {
    return store.find().orElseThrow(() -> CredentialStore.notLoggedIn(store.file()));
  }
}
