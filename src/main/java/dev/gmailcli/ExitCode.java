package dev.gmailcli;

/** The one table of process exit codes. {@code --help} and the README list the same values. */
public enum ExitCode {
  OK(0, "success"),
  INTERNAL(1, "unexpected internal error"),
  USAGE(2, "usage error (unknown option, bad value)"),
  LOGIN_REQUIRED(
      3,
      "login needed: no token, refresh token expired or revoked, scope missing,"
          + " consent declined, login timed out"),
  CONFIG(
      4,
      "configuration error: credentials.json or token.json missing, unreadable or malformed;"
          + " clock far off"),
  TEMPORARY(
      5, "temporary failure: Google unreachable, timeout, 429/5xx after retries, token locked"),
  GMAIL_REFUSED(6, "Gmail refused the request (other 4xx), or answered for another mailbox"),
  NOTHING_NEW(7, "nothing new (threads --new --fail-empty)");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }
}
