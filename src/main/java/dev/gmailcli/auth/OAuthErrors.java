package dev.gmailcli.auth;

import com.google.api.client.http.HttpResponseException;
import dev.gmailcli.GmailCliException;
import dev.gmailcli.http.Retrier;
import dev.gmailcli.http.RetriesExhaustedException;
import dev.gmailcli.http.TransientFailures;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns failures of Google's token endpoint into messages with a next step: each OAuth error Google
 * gives for a login that stopped working has its own cause and fix, and a local clock far from
 * Google's is named as the cause when Google refuses.
 */
public final class OAuthErrors {
  private static final String OTHER_CAUSES =
      "access was removed at https://myaccount.google.com/connections; the account's password was"
          + " changed; the login was unused for 6 months; or over 100 newer logins were made with"
          + " the same client";

  static final String LOGIN_AGAIN_HINT =
      "run `gmailcli login` to log in again. Usual causes: the app's OAuth consent screen is in"
          + " \"Testing\" status, where refresh tokens expire after 7 days (publish it \"In"
          + " production\" to stop this); "
          + OTHER_CAUSES;

  /** Refresh tokens of apps in "Testing" status live 7 days; older logins are suspects. */
  static final Duration TESTING_SUSPECT_AGE = Duration.ofDays(6);

  /** A clock further than this from Google's is named as the likely cause of a refusal. */
  static final Duration MAX_SKEW = Duration.ofMinutes(5);

  private OAuthErrors() {}

  /** The OAuth error code ("invalid_grant") in a failure's chain of causes, or null. */
  public static String errorCode(Throwable failure) {
    return OAuthErrorBody.of(failure).error();
  }

  /**
   * The exception to report for a failed call to the token endpoint.
   *
   * @param what what was being done, e.g. "refresh the access token"
   */
  public static GmailCliException toCliException(IOException failure, String what) {
    return toCliException(failure, what, null, null);
  }

  /**
   * The same, knowing the local time (to recognise a clock far from Google's) and when the login
   * was made (to recognise a "Testing" app's 7-day refresh token), either of which may be null.
   */
  public static GmailCliException toCliException(
      IOException failure, String what, Instant now, Instant loginTime) {
    if (failure instanceof RetriesExhaustedException) {
      return GmailCliException.gaveUp(what, failure);
    }
    HttpResponseException http = httpCause(failure);
    if (http == null || TransientFailures.isTransient(http)) {
      return GmailCliException.temporary(
          "could not " + what + ": " + Retrier.describe(failure),
          TransientFailures.networkHint(failure),
          failure);
    }
    OAuthErrorBody body = OAuthErrorBody.of(failure);
    String code = body.error();
    if (now != null && body.date() != null && mayBeTheClock(body)) {
      Duration skew = Duration.between(body.date(), now);
      if (skew.abs().compareTo(MAX_SKEW) > 0) {
        return clockSkew(what, code, body, skew, failure);
      }
    }
    if ("invalid_rapt".equals(body.subtype())
        || (body.description() != null && body.description().contains("invalid_rapt"))) {
      return GmailCliException.loginRequired(
          "Google wants you to sign in again (invalid_rapt) when asked to "
              + what
              + ": your Google Workspace administrator requires signing in again every so often"
              + " (Google Cloud session control)",
          "run `gmailcli login`. For unattended jobs, ask the administrator to exempt this app"
              + " from re-authentication (Admin console > Security > Access and data control >"
              + " Google Cloud session control), or use a service account",
          failure);
    }
    if ("invalid_grant".equals(code)) {
      return invalidGrant(what, body, now, loginTime, failure);
    }
    // The JDK's HttpURLConnection drops the body of a 401 to a POST, so a 401 from the token
    // endpoint may arrive without its "invalid_client".
    if ("invalid_client".equals(code) || (http.getStatusCode() == 401 && code == null)) {
      return GmailCliException.loginRequired(
          "Google does not accept the OAuth client (invalid_client) when asked to " + what,
          "the client may have been deleted or its secret reset: download credentials.json again"
              + " (Desktop app) and run `gmailcli login`",
          failure);
    }
    if ("unauthorized_client".equals(code)) {
      return GmailCliException.loginRequired(
          "Google does not let this OAuth client " + what + " (unauthorized_client)",
          "the login was made with another OAuth client than the client_id in the saved login, or"
              + " the client is not of type Desktop app: download credentials.json of a Desktop"
              + " app client and run `gmailcli login`",
          failure);
    }
    if ("invalid_scope".equals(code)) {
      return GmailCliException.loginRequired(
          "Google refused the requested scopes (invalid_scope)" + body.described(),
          "run `gmailcli login` with the scopes you need (--scope)",
          failure);
    }
    return GmailCliException.refused(
        "Google refused to "
            + what
            + ": HTTP "
            + http.getStatusCode()
            + (code == null ? "" : " " + code)
            + body.described(),
        "run `gmailcli login`; if that fails too, check the OAuth client in Google Cloud console",
        failure);
  }

  // Google judges a signed assertion (a service account's JWT) by its clock: "Invalid JWT: Token
  // must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp
  // values". A refresh token carries no time of ours, so a skewed clock cannot be why it failed.
  private static boolean mayBeTheClock(OAuthErrorBody body) {
    String description = body.description() == null ? "" : body.description();
    return "invalid_grant".equals(body.error())
        && (description.contains("JWT") || description.contains("timeframe"));
  }

  private static GmailCliException invalidGrant(
      String what, OAuthErrorBody body, Instant now, Instant loginTime, Throwable failure) {
    String message =
        "the saved login is no longer valid: Google answered invalid_grant"
            + body.described()
            + " when asked to "
            + what;
    if (now == null
        || loginTime == null
        || Duration.between(loginTime, now).compareTo(TESTING_SUSPECT_AGE) < 0) {
      return GmailCliException.loginRequired(message, LOGIN_AGAIN_HINT, failure);
    }
    long days = Duration.between(loginTime, now).toDays();
    return GmailCliException.loginRequired(
        message
            + "; the login is "
            + days
            + " days old, and refresh tokens of apps whose OAuth consent screen is in \"Testing\""
            + " status expire after 7 days",
        "run `gmailcli login`; to keep logins longer than 7 days, set the app's publishing"
            + " status to \"In production\" (Google Cloud console > Google Auth Platform >"
            + " Audience). If it already is, other causes: "
            + OTHER_CAUSES,
        failure);
  }

  private static GmailCliException clockSkew(
      String what, String code, OAuthErrorBody body, Duration skew, Throwable failure) {
    long minutes = skew.abs().toMinutes();
    return GmailCliException.config(
        "this computer's clock is "
            + minutes
            + " min "
            + (skew.isNegative() ? "behind" : "ahead of")
            + " Google's, and Google refused to "
            + what
            + (code == null ? "" : ": " + code + body.described()),
        "set the clock right (turn on time synchronisation, e.g. `timedatectl set-ntp true`),"
            + " then try again",
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
}
