package dev.gmailcli.auth;

import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.http.HttpResponseException;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gmailcli.GmailCliException;
import dev.gmailcli.http.Retrier;
import dev.gmailcli.http.RetriesExhaustedException;
import dev.gmailcli.http.TransientFailures;
import java.io.IOException;

/**
 * Turns failures of Google's token endpoint into messages with a next step. Understands both
 * google-oauth-client's {@link TokenResponseException} and google-auth's GoogleAuthException, which
 * is package-private and carries the HTTP response only as its cause.
 */
public final class OAuthErrors {
  static final String LOGIN_AGAIN_HINT =
      "run `gmailcli login` to log in again. Usual causes: the app's OAuth consent screen is in"
          + " \"Testing\" status, where refresh tokens expire after 7 days (publish it \"In"
          + " production\" to stop this); access was removed at"
          + " https://myaccount.google.com/connections; the account's password was changed; the"
          + " login was unused for 6 months; or over 100 newer logins were made with the same"
          + " client";

  private OAuthErrors() {}

  /** The OAuth error code ("invalid_grant") in a failure's chain of causes, or null. */
  public static String errorCode(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof TokenResponseException token && token.getDetails() != null) {
        return token.getDetails().getError();
      }
      if (t instanceof HttpResponseException http) {
        return errorField(http.getContent());
      }
    }
    return null;
  }

  /**
   * The exception to report for a failed call to the token endpoint.
   *
   * @param what what was being done, e.g. "refresh the access token"
   */
  public static GmailCliException toCliException(IOException failure, String what) {
    if (failure instanceof RetriesExhaustedException) {
      return GmailCliException.gaveUp(what, failure);
    }
    String code = errorCode(failure);
    HttpResponseException http = httpCause(failure);
    if ("invalid_grant".equals(code)) {
      return GmailCliException.loginRequired(
          "the saved login is no longer valid: Google answered invalid_grant"
              + description(failure)
              + " when asked to "
              + what,
          LOGIN_AGAIN_HINT,
          failure);
    }
    // The JDK's HttpURLConnection drops the body of a 401 to a POST, so a 401 from the token
    // endpoint may arrive without its "invalid_client".
    boolean badClient = http != null && http.getStatusCode() == 401 && code == null;
    if (badClient || "invalid_client".equals(code) || "unauthorized_client".equals(code)) {
      code = code == null ? "invalid_client" : code;
      return GmailCliException.loginRequired(
          "Google does not accept the OAuth client (" + code + ") when asked to " + what,
          "the client may have been deleted or its secret reset: download credentials.json again"
              + " (Desktop app) and run `gmailcli login`",
          failure);
    }
    if ("invalid_scope".equals(code)) {
      return GmailCliException.loginRequired(
          "Google refused the requested scopes (invalid_scope)" + description(failure),
          "run `gmailcli login` with the scopes you need (--scope)",
          failure);
    }
    if (http == null || TransientFailures.isTransient(http)) {
      return GmailCliException.temporary(
          "could not " + what + ": " + Retrier.describe(failure),
          "check the network connection and try again",
          failure);
    }
    return GmailCliException.refused(
        "Google refused to "
            + what
            + ": HTTP "
            + http.getStatusCode()
            + (code == null ? "" : " " + code)
            + description(failure),
        "run `gmailcli login`; if that fails too, check the OAuth client in Google Cloud console",
        failure);
  }

  private static HttpResponseException httpCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof HttpResponseException http) {
        return http;
      }
    }
    return null;
  }

  // error_description is Google's prose ("Token has been expired or revoked."), never a secret
  private static String description(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof TokenResponseException token && token.getDetails() != null) {
        String text = token.getDetails().getErrorDescription();
        return text == null ? "" : " (" + text + ")";
      }
      if (t instanceof HttpResponseException http) {
        JsonObject body = body(http.getContent());
        JsonElement text = body == null ? null : body.get("error_description");
        return text != null && text.isJsonPrimitive() ? " (" + text.getAsString() + ")" : "";
      }
    }
    return "";
  }

  private static String errorField(String content) {
    JsonObject body = body(content);
    JsonElement error = body == null ? null : body.get("error");
    return error != null && error.isJsonPrimitive() ? error.getAsString() : null;
  }

  private static JsonObject body(String content) {
    if (content == null || content.isBlank()) {
      return null;
    }
    try {
      JsonElement element = JsonParser.parseString(content);
      return element.isJsonObject() ? element.getAsJsonObject() : null;
    } catch (RuntimeException notJson) {
      return null;
    }
  }
}
