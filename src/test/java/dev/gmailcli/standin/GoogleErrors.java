package dev.gmailcli.standin;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Instant;

/**
 * Builders for the JSON error bodies Google returns, for use with {@link GoogleStandIn#failNext}
 * and {@link GoogleStandIn#failThreadInBatch}.
 *
 * <p>API errors use Google's envelope {@code {"error":{"code","message","errors":[{"message",
 * "domain","reason"}],"status"}}}; OAuth endpoint errors use RFC 6749's flat {@code
 * {"error","error_description"}}.
 */
public final class GoogleErrors {

  private GoogleErrors() {}

  /**
   * Google's API error envelope, e.g. {@code apiError(404, "Requested entity was not found.",
   * "notFound", "NOT_FOUND")}.
   */
  public static String apiError(int code, String message, String reason, String status) {
    return apiErrorObject(code, message, reason, status, "global").toString();
  }

  /** 429 as Gmail sends it for per-user rate limiting. */
  public static String rateLimitExceeded() {
    return apiErrorObject(
            429,
            "Too many concurrent requests for user.",
            "rateLimitExceeded",
            "RESOURCE_EXHAUSTED",
            "usageLimits")
        .toString();
  }

  /**
   * 429 as Gmail sends it when the per-user quota is used up: the time to come back is only in the
   * message, e.g. "User-rate limit exceeded. Retry after 2026-11-25T12:00:05.123Z".
   */
  public static String userRateLimitExceeded(Instant retryAfter) {
    return apiErrorObject(
            429,
            "User-rate limit exceeded.  Retry after " + retryAfter,
            "rateLimitExceeded",
            "RESOURCE_EXHAUSTED",
            "usageLimits")
        .toString();
  }

  /** 500 backendError as Gmail sends it for transient failures. */
  public static String backendError() {
    return apiError(500, "Backend Error", "backendError", "INTERNAL");
  }

  /** 503 as Google's front end sends it when the backend is unavailable. */
  public static String serviceUnavailable() {
    return apiError(503, "The service is currently unavailable.", "backendError", "UNAVAILABLE");
  }

  /**
   * OAuth 2.0 token/revoke endpoint error body, e.g. {@code oauthError("invalid_grant", "Bad
   * Request")}.
   */
  public static String oauthError(String error, String description) {
    JsonObject o = new JsonObject();
    o.addProperty("error", error);
    o.addProperty("error_description", description);
    return StandInJson.pretty(o);
  }

  static JsonObject apiErrorObject(
      int code, String message, String reason, String status, String domain) {
    JsonObject item = new JsonObject();
    item.addProperty("message", message);
    item.addProperty("domain", domain);
    item.addProperty("reason", reason);
    JsonArray errors = new JsonArray();
    errors.add(item);
    JsonObject error = new JsonObject();
    error.addProperty("code", code);
    error.addProperty("message", message);
    error.add("errors", errors);
    error.addProperty("status", status);
    JsonObject root = new JsonObject();
    root.add("error", error);
    return root;
  }
}
