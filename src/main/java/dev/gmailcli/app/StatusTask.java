package dev.gmailcli.app;

import dev.gmailcli.auth.CredentialStore;
import dev.gmailcli.auth.StoredToken;
import dev.gmailcli.output.LoginReport;
import dev.gmailcli.output.StatusReport;
import dev.gmailcli.state.CursorStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code gmailcli status}: what the login holds, read from its file alone, and the cursors of
 * {@code threads --new}; with {@code --check}, proof that a Gmail call works right now.
 */
public final class StatusTask {
  private final Supplier<LoginReport> report;
  private final MailboxAccess mailbox;

  /**
   * @param report reads what the login holds (no network call)
   * @param mailbox opens the mailbox, for the check
   */
  public StatusTask(Supplier<LoginReport> report, MailboxAccess mailbox) {
    this.report = report;
    this.mailbox = mailbox;
  }

  /** What the login holds; exit 3 when there is none. Makes no network call. */
  public LoginReport report() {
    return report.get();
  }

  /**
   * Proves the login works now: refreshes and saves the access token if due, then makes the
   * cheapest Gmail call (users.getProfile, 1 quota unit). Never offers a login.
   *
   * @throws dev.gmailcli.GmailCliException exit 3 when a person must log in, 4 for a broken file, 5
   *     when Google cannot be reached
   */
  public void check() {
    mailbox.openAndProve();
  }

  /** The report of a saved user login and its cursors. */
  static StatusReport of(
      StoredToken token, CredentialStore store, CursorStore cursors, Clock clock) {
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
}
