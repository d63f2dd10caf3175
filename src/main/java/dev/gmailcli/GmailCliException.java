package dev.gmailcli;

/**
 * A failure the user can act on: a message, the next step to take, and the exit code it maps to.
 * Messages never contain tokens, client secrets, authorization codes or PKCE verifiers.
 */
public class GmailCliException extends RuntimeException {
  private final ExitCode exitCode;
  private final String hint;

  public GmailCliException(ExitCode exitCode, String message, String hint, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
    this.hint = hint;
  }

  public ExitCode exitCode() {
    return exitCode;
  }

  /** The next step for the user, or {@code null} when there is nothing more to say. */
  public String hint() {
    return hint;
  }

  /** Exit 3: the user has to (re-)run {@code gmailcli login}. */
  public static GmailCliException loginRequired(String message, String hint, Throwable cause) {
    return new GmailCliException(ExitCode.LOGIN_REQUIRED, message, hint, cause);
  }

  /** Exit 4: a file or setting is missing, unreadable or malformed. */
  public static GmailCliException config(String message, String hint, Throwable cause) {
    return new GmailCliException(ExitCode.CONFIG, message, hint, cause);
  }

  /** Exit 5: Google could not be reached or kept failing; trying again later may work. */
  public static GmailCliException temporary(String message, String hint, Throwable cause) {
    return new GmailCliException(ExitCode.TEMPORARY, message, hint, cause);
  }

  /**
   * Exit 5: every attempt failed transiently; {@code failure}'s message says what happened (last
   * status, attempts, time waited).
   */
  public static GmailCliException gaveUp(String what, Exception failure) {
    return temporary(
        "could not " + what + ": " + failure.getMessage(),
        "Google is busy or unreachable; try again in a few minutes",
        failure);
  }

  /** Exit 6: Google answered with a 4xx that retrying or logging in again will not fix. */
  public static GmailCliException refused(String message, String hint, Throwable cause) {
    return new GmailCliException(ExitCode.GMAIL_REFUSED, message, hint, cause);
  }

  /** Exit 2: the command line itself is wrong. */
  public static GmailCliException usage(String message, String hint) {
    return new GmailCliException(ExitCode.USAGE, message, hint, null);
  }
}
