package dev.gmailcli.app;

import dev.gmailcli.GmailCliException;
import dev.gmailcli.auth.CredentialStore;
import dev.gmailcli.auth.StoredToken;
import dev.gmailcli.platform.ConsoleLines;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps a profile's mailbox from changing by accident: logging in again to a profile with a
 * different Google account asks a person at a terminal first, and is refused without one (a cron
 * job's profile must never silently switch mailboxes) unless {@code --force} says so.
 */
public final class AccountSwitchGuard {
  private static final Duration ANSWER_WAIT = Duration.ofMinutes(5);

  private final String profile;
  private final boolean personPresent;
  private final ConsoleLines console;
  private final PrintWriter err;

  /**
   * @param profile the profile logged in to, or null for the default login (never guarded)
   * @param personPresent a person can answer on stdin
   */
  public AccountSwitchGuard(
      String profile, boolean personPresent, ConsoleLines console, PrintWriter err) {
    this.profile = profile;
    this.personPresent = personPresent;
    this.console = console;
    this.err = err;
  }

  /**
   * Lets {@code fresh} replace the profile's login, or throws.
   *
   * @throws GmailCliException exit 2 when it belongs to another account and nobody agreed
   */
  void check(CredentialStore store, StoredToken fresh, boolean force) {
    if (profile == null || force) {
      return;
    }
    String before = accountOf(store);
    String now = fresh.account() == null ? "" : fresh.account();
    if (before.isEmpty() || now.isEmpty() || before.equalsIgnoreCase(now)) {
      return;
    }
    if (personPresent) {
      err.println(
          "Profile "
              + profile
              + " is logged in as "
              + before
              + ". Replace it with "
              + now
              + "? [y/N]");
      String answer = console.next(ANSWER_WAIT).orElse("").strip().toLowerCase(Locale.ROOT);
      if (answer.equals("y") || answer.equals("yes")) {
        return;
      }
    }
    throw GmailCliException.usage(
        "profile "
            + profile
            + " is logged in as "
            + before
            + ", and this login is "
            + now
            + "; the profile was left as it was",
        "to replace it, run `gmailcli login --profile "
            + profile
            + " --force`; to keep both, log in to another profile");
  }

  private static String accountOf(CredentialStore store) {
    try {
      Optional<StoredToken> saved = store.find();
      return saved.map(StoredToken::account).filter(a -> a != null).orElse("");
    } catch (GmailCliException unreadable) {
      return ""; // a broken login is what the new one replaces
    }
  }
}
