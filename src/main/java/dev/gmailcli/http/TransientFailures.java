package dev.gmailcli.http;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpResponseException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Which failures are worth another attempt, and how long Google asked to wait. */
public final class TransientFailures {
  private static final Set<Integer> RETRYABLE_STATUS = Set.of(429, 500, 502, 503, 504);
  private static final Set<String> RATE_LIMIT_REASONS =
      Set.of("rateLimitExceeded", "userRateLimitExceeded");

  private TransientFailures() {}

  /** 429, 5xx, or 403 with a rate-limit reason. */
  public static boolean isTransient(int status, List<String> reasons) {
    if (RETRYABLE_STATUS.contains(status)) {
      return true;
    }
    return status == 403 && reasons.stream().anyMatch(RATE_LIMIT_REASONS::contains);
  }

  /** An HTTP failure as above, or a network failure (refused, reset, timed out; not TLS). */
  public static boolean isTransient(IOException e) {
    if (e instanceof GoogleJsonResponseException json) {
      return isTransient(json.getStatusCode(), reasons(json.getDetails()));
    }
    if (e instanceof HttpResponseException http) {
      return isTransient(http.getStatusCode(), List.of());
    }
    // a certificate or TLS setup problem will not go away by itself
    return !(e instanceof SSLHandshakeException || e instanceof SSLPeerUnverifiedException);
  }

  /** The error reasons in a Google JSON error body, e.g. "rateLimitExceeded". */
  public static List<String> reasons(GoogleJsonError error) {
    if (error == null) {
      return List.of();
    }
    // Google puts reasons in errors[] (the old shape) and in details[] as an ErrorInfo (the new
    // one, e.g. ACCESS_TOKEN_SCOPE_INSUFFICIENT)
    Stream<String> old =
        error.getErrors() == null
            ? Stream.empty()
            : error.getErrors().stream().map(GoogleJsonError.ErrorInfo::getReason);
    Stream<String> details =
        error.getDetails() == null
            ? Stream.empty()
            : error.getDetails().stream().map(GoogleJsonError.Details::getReason);
    return Stream.concat(old, details).filter(Objects::nonNull).toList();
  }

  /** The wait a Retry-After header asks for (seconds or an HTTP date), or null. */
  public static Duration retryAfter(HttpHeaders headers, Clock clock) {
    if (headers == null) {
      return null;
    }
    String value = headers.getRetryAfter();
    if (value == null || value.isBlank()) {
      return null;
    }
    value = value.trim();
    if (value.matches("\\d{1,9}")) {
      return Duration.ofSeconds(Long.parseLong(value));
    }
    try {
      Instant when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(clock.instant(), when);
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The Retry-After of a failed response, or null. */
  public static Duration retryAfter(IOException e, Clock clock) {
    return e instanceof HttpResponseException http ? retryAfter(http.getHeaders(), clock) : null;
  }
}
