package dev.gmailcli.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How gmailcli recognises Gmail's quota refusals and the wait they ask for. */
class RateLimitSignalsTest {
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  static GoogleJsonError error(int code, String message) {
    GoogleJsonError error = new GoogleJsonError();
    error.setCode(code);
    error.setMessage(message);
    return error;
  }

  @Test
  void tooManyRequests_andForbiddenWithARateLimitReason_areQuotaRefusals() {
    assertThat(TransientFailures.isRateLimit(429, List.of())).isTrue();
    assertThat(TransientFailures.isRateLimit(403, List.of("userRateLimitExceeded"))).isTrue();
    assertThat(TransientFailures.isRateLimit(403, List.of("rateLimitExceeded"))).isTrue();
    assertThat(TransientFailures.isRateLimit(403, List.of("insufficientPermissions"))).isFalse();
    assertThat(TransientFailures.isRateLimit(503, List.of())).isFalse();
    assertThat(TransientFailures.isRateLimit(FailingResponses.json(429, "rateLimitExceeded", null)))
        .isTrue();
    assertThat(TransientFailures.isRateLimit(FailingResponses.plain(500, null))).isFalse();
  }

  @Test
  void retryAfterTimeInGmailsMessage_isTheWait() {
    GoogleJsonError error =
        error(429, "User-rate limit exceeded.  Retry after 2026-11-25T12:00:05.123Z");

    assertThat(TransientFailures.retryAfter(null, error, NOW)).isEqualTo(Duration.ofMillis(5_123));
  }

  @Test
  void retryAfterWithAnOffset_orWithoutFractions_isUnderstoodToo() {
    assertThat(
            TransientFailures.retryAfter(
                null, error(403, "Retry after 2026-11-25T13:00:10+01:00"), NOW))
        .isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void retryAfterHeader_winsOverTheMessage() {
    GoogleJsonError error = error(429, "Retry after 2026-11-25T12:00:05Z");

    assertThat(TransientFailures.retryAfter(new HttpHeaders().setRetryAfter("2"), error, NOW))
        .isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void timeAlreadyPast_meansNoWait_andNoTimeMeansNull() {
    assertThat(
            TransientFailures.retryAfter(null, error(429, "Retry after 2026-11-25T11:59:00Z"), NOW))
        .isZero();
    assertThat(TransientFailures.retryAfter(null, error(429, "Too many concurrent requests"), NOW))
        .isNull();
    assertThat(TransientFailures.retryAfter(null, error(429, "Retry after soon"), NOW)).isNull();
    assertThat(TransientFailures.retryAfter(null, null, NOW)).isNull();
  }
}
