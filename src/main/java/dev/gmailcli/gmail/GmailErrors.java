package dev.gmailcli.gmail;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import dev.gmailcli.GmailCliException;
import dev.gmailcli.Scopes;
import dev.gmailcli.http.Retrier;
import dev.gmailcli.http.RetriesExhaustedException;
import dev.gmailcli.http.TransientFailures;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** Turns Gmail API failures into messages with the next step and the documented exit code. */
public final class GmailErrors {
  private GmailErrors() {}

  /**
   * The exception to report for a failed Gmail call.
   *
   * @param what what was being done, e.g. "list threads"
   */
  public static GmailCliException toCliException(IOException failure, String what) {
    if (failure instanceof RetriesExhaustedException) {
      return GmailCliException.gaveUp(what, failure);
    }
    if (!(failure instanceof HttpResponseException http)) {
      return GmailCliException.temporary(
          "could not " + what + ": " + Retrier.describe(failure),
          TransientFailures.networkHint(failure),
          failure);
    }
    GoogleJsonError details =
        failure instanceof GoogleJsonResponseException json ? json.getDetails() : null;
    return forStatus(http.getStatusCode(), details, what, failure);
  }

  /** The same, for a failure reported inside a batch response. */
  static GmailCliException forStatus(
      int status, GoogleJsonError details, String what, Throwable cause) {
    List<String> reasons = TransientFailures.reasons(details);
    String message = details != null && details.getMessage() != null ? details.getMessage() : "";
    String said = message.isEmpty() ? "HTTP " + status : "HTTP " + status + ": " + message;
    if (TransientFailures.isTransient(status, reasons)) {
      return GmailCliException.temporary(
          "could not " + what + ": Gmail answered " + said, "try again in a few minutes", cause);
    }
    if (status == 401) {
      return GmailCliException.loginRequired(
          "Gmail did not accept the saved login (" + said + ")", "run `gmailcli login`", cause);
    }
    if (status == 403 && isScopeProblem(reasons, message)) {
      return GmailCliException.loginRequired(
          "the saved login's scope does not allow this: " + said,
          "run `gmailcli login --scope " + Scopes.DEFAULT + "`",
          cause);
    }
    if (status == 403
        && (reasons.contains("accessNotConfigured")
            || message.contains("has not been used")
            || message.contains("is disabled"))) {
      return GmailCliException.refused(
          "the Gmail API is not enabled for this OAuth client's project: " + said,
          "enable the Gmail API in Google Cloud console (APIs & Services > Library > Gmail API)"
              + " for the project of credentials.json, wait a minute, and try again",
          cause);
    }
    String hint =
        status == 400
            ? "check --query, --label and --page-token"
            : status == 404 ? "check the id or label you gave" : "see Gmail's message above";
    return GmailCliException.refused("Gmail refused to " + what + ": " + said, hint, cause);
  }

  private static boolean isScopeProblem(List<String> reasons, String message) {
    String lower = message.toLowerCase(Locale.ROOT);
    return reasons.contains("insufficientPermissions")
        || reasons.contains("ACCESS_TOKEN_SCOPE_INSUFFICIENT")
        || lower.contains("scope");
  }
}
