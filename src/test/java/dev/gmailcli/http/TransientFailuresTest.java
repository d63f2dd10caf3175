package dev.gmailcli.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.http.HttpHeaders;
import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransientFailuresTest {
  private final Clock clock = Clock.fixed(Instant.parse("2025-10-20T09:00:00Z"), ZoneOffset.UTC);

  private static HttpHeaders retryAfter(String value) {
    return new HttpHeaders().setRetryAfter(value);
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 500, 502, 503, 504})
  void throttlingAndServerErrors_areTransient(int status) {
    assertThat(TransientFailures.isTransient(status, List.of())).isTrue();
    assertThat(TransientFailures.isTransient(FailingResponses.plain(status, null))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 409, 501})
  void otherStatuses_areNot(int status) {
    assertThat(TransientFailures.isTransient(status, List.of())).isFalse();
    assertThat(TransientFailures.isTransient(FailingResponses.plain(status, null))).isFalse();
  }

  @Test
  void forbidden_isTransientOnlyForRateLimitReasons() {
    assertThat(TransientFailures.isTransient(FailingResponses.json(403, "rateLimitExceeded", null)))
        .isTrue();
    assertThat(
            TransientFailures.isTransient(
                FailingResponses.json(403, "userRateLimitExceeded", null)))
        .isTrue();
    assertThat(
            TransientFailures.isTransient(
                FailingResponses.json(403, "insufficientPermissions", null)))
        .isFalse();
    assertThat(TransientFailures.isTransient(FailingResponses.json(400, "rateLimitExceeded", null)))
        .isFalse();
  }

  @Test
  void networkFailures_areTransient() {
    assertThat(TransientFailures.isTransient(new UnknownHostException("gmail.googleapis.com")))
        .isTrue();
    assertThat(TransientFailures.isTransient(new IOException("Connection reset"))).isTrue();
  }

  @Test
  void reasons_areReadFromTheJsonError() {
    assertThat(
            TransientFailures.reasons(
                FailingResponses.json(403, "dailyLimitExceeded", null).getDetails()))
        .containsExactly("dailyLimitExceeded");
    assertThat(TransientFailures.reasons(null)).isEmpty();
  }

  @Test
  void retryAfterSeconds_isADuration() {
    assertThat(TransientFailures.retryAfter(retryAfter(" 7 "), clock))
        .isEqualTo(Duration.ofSeconds(7));
    assertThat(TransientFailures.retryAfter(retryAfter("0"), clock)).isEqualTo(Duration.ZERO);
  }

  @Test
  void retryAfterHttpDate_isTheTimeUntilThen() {
    assertThat(TransientFailures.retryAfter(retryAfter("Mon, 20 Oct 2025 09:01:30 GMT"), clock))
        .isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void retryAfterDateInThePast_isZero() {
    assertThat(TransientFailures.retryAfter(retryAfter("Mon, 20 Oct 2025 08:00:00 GMT"), clock))
        .isEqualTo(Duration.ZERO);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "soon", "-5", "1.5", "99999999999"})
  void unreadableRetryAfter_isNull(String value) {
    assertThat(TransientFailures.retryAfter(retryAfter(value), clock)).isNull();
  }

  @Test
  void missingRetryAfter_isNull() {
    assertThat(TransientFailures.retryAfter(new HttpHeaders(), clock)).isNull();
    assertThat(TransientFailures.retryAfter((HttpHeaders) null, clock)).isNull();
    assertThat(TransientFailures.retryAfter(new IOException("x"), clock)).isNull();
  }

  @Test
  void retryAfterOfAFailedResponse_isReadFromItsHeaders() {
    assertThat(TransientFailures.retryAfter(FailingResponses.plain(429, "3"), clock))
        .isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void tlsHandshakeFailures_areNotTransient() {
    assertThat(TransientFailures.isTransient(new SSLHandshakeException("PKIX path failed")))
        .isFalse();
  }
}
