package dev.gmailcli.http;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpResponseException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Which failures are worth another attempt, and how long Google asked to wait. */
public final class TransientFailures {
  private static final Set<Integer> RETRYABLE_STATUS = Set.of(429, 500, 502, 503, 504);
  private static final Set<String> RATE_LIMIT_REASONS =
      Set.of("rateLimitExceeded", "userRateLimitExceeded");
  // Gmail's quota errors say when to come back: "User-rate limit exceeded.  Retry after <RFC 3339>"
  private static final Pattern RETRY_AFTER_IN_MESSAGE =
      Pattern.compile(
          "(?i)retry after\\s+(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?"
              + "(?:Z|[+-]\\d{2}:\\d{2}))");

  private TransientFailures() {}

  /** 429, 5xx, or 403 with a rate-limit reason. */
  public static boolean isTransient(int status, List<String> reasons) {
    if (RETRYABLE_STATUS.contains(status)) {
      return true;
    }
    return status == 403 && reasons.stream().anyMatch(RATE_LIMIT_REASONS::contains);
  }

  /** 429, or 403 with a rate-limit reason: the server refused the call for its quota. */
  public static boolean isRateLimit(int status, List<String> reasons) {
    return status == 429
        || (status == 403 && reasons.stream().anyMatch(RATE_LIMIT_REASONS::contains));
  }

  /** The same, for a failed call. */
  public static boolean isRateLimit(IOException e) {
    if (e instanceof GoogleJsonResponseException json) {
      return isRateLimit(json.getStatusCode(), reasons(json.getDetails()));
    }
    return e instanceof HttpResponseException http && isRateLimit(http.getStatusCode(), List.of());
  }

  /** An HTTP failure as above, or a network failure (refused, reset, timed out; not TLS). */
  public static boolean isTransient(IOException e) {
    if (e instanceof ProxyFailureException proxy) {
      return proxy.worthRetrying();
    }
    if (e instanceof GoogleJsonResponseException json) {
      return isTransient(json.getStatusCode(), reasons(json.getDetails()));
    }
    if (e instanceof HttpResponseException http) {
      return isTransient(http.getStatusCode(), List.of());
    }
    // a certificate or TLS setup problem will not go away by itself
    return !(e instanceof SSLHandshakeException || e instanceof SSLPeerUnverifiedException);
  }

  /** The next step after a failure to reach Google at all (no HTTP answer). */
  public static String networkHint(IOException e) {
    return e instanceof ProxyFailureException
        ? "check the proxy (HTTPS_PROXY, HTTP_PROXY; NO_PROXY lists the hosts reached directly)"
            + " and try again"
        : "check the network connection and try again";
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

  /**
   * The wait Google asked for: a Retry-After header, else the "Retry after &lt;time&gt;" in the
   * error message; null when neither says.
   */
  public static Duration retryAfter(HttpHeaders headers, GoogleJsonError error, Instant now) {
    Duration header = retryAfter(headers, Clock.fixed(now, ZoneOffset.UTC));
    if (header != null || error == null || error.getMessage() == null) {
      return header;
    }
    Matcher time = RETRY_AFTER_IN_MESSAGE.matcher(error.getMessage());
    if (!time.find()) {
      return null;
    }
    try {
      Duration wait = Duration.between(now, OffsetDateTime.parse(time.group(1)).toInstant());
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The same, for a failed call. */
  public static Duration retryAfter(IOException e, Instant now) {
    if (!(e instanceof HttpResponseException http)) {
      return null;
    }
    GoogleJsonError details =
        e instanceof GoogleJsonResponseException json ? json.getDetails() : null;
    return retryAfter(http.getHeaders(), details, now);
  }
}
