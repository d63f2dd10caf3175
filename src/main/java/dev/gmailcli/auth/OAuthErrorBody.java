package dev.gmailcli.auth;

import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.http.HttpResponseException;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * What Google's token endpoint said in a failed response: the OAuth {@code error}, its {@code
 * error_description} and {@code error_subtype}, and the response's {@code Date}. Read from
 * google-oauth-client's {@link TokenResponseException} or from the HTTP response that google-auth's
 * package-private GoogleAuthException carries as its cause. None of these fields holds a secret.
 *
 * @param error e.g. "invalid_grant", or null
 * @param description Google's prose, e.g. "Token has been expired or revoked.", or null
 * @param subtype e.g. "invalid_rapt", or null
 * @param status the HTTP status, or 0 when the failure was not an HTTP response
 * @param date when Google answered (its Date header), or null
 */
record OAuthErrorBody(String error, String description, String subtype, int status, Instant date) {

  static OAuthErrorBody of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof TokenResponseException token && token.getDetails() != null) {
        Object subtype = token.getDetails().get("error_subtype");
        return new OAuthErrorBody(
            token.getDetails().getError(),
            token.getDetails().getErrorDescription(),
            subtype instanceof String text ? text : null,
            token.getStatusCode(),
            date(token));
      }
      if (t instanceof HttpResponseException http) {
        JsonObject body = body(http.getContent());
        return new OAuthErrorBody(
            field(body, "error"),
            field(body, "error_description"),
            field(body, "error_subtype"),
            http.getStatusCode(),
            date(http));
      }
    }
    return new OAuthErrorBody(null, null, null, 0, null);
  }

  /** " (description)", or "" when Google gave none. */
  String described() {
    return description == null ? "" : " (" + description + ")";
  }

  private static Instant date(HttpResponseException http) {
    String value = http.getHeaders() == null ? null : http.getHeaders().getDate();
    if (value == null) {
      return null;
    }
    try {
      return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String field(JsonObject body, String name) {
    JsonElement value = body == null ? null : body.get(name);
    return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
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
