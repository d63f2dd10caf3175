package dev.gmailcli.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmailcli.harness.RecordingSleeper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetrierTest {
  private static final Instant NOW = Instant.parse("2025-10-20T09:00:00Z");
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final List<String> diagnostics = new ArrayList<>();
  private final Retrier retrier =
      new Retrier(RetryPolicy.standard(), sleeper, new Random(1), clock, diagnostics::add);

  /** Fails with the given exceptions in turn, then answers "ok"; counts attempts. */
  private static final class Script implements Retrier.IoCall<String> {
    private final List<IOException> failures;
    int attempts;

    Script(IOException... failures) {
      this.failures = List.of(failures);
    }

    @Override
    public String call() throws IOException {
      attempts++;
      if (attempts <= failures.size()) {
        throw failures.get(attempts - 1);
      }
      return "ok";
    }
  }

  /** Fails with the same exception on every attempt. */
  private static Script always(IOException failure) {
    return new Script(failure, failure, failure, failure, failure, failure, failure, failure);
  }

  @Test
  void twoServiceUnavailable_thenSuccess_takesThreeAttemptsAndTwoSleeps() throws Exception {
    Script call =
        new Script(
            FailingResponses.json(503, "backendError", null), FailingResponses.plain(503, null));

    assertThat(retrier.call(call)).isEqualTo("ok");
    assertThat(call.attempts).isEqualTo(3);
    assertThat(sleeper.sleeps()).hasSize(2);
    assertThat(diagnostics).hasSize(2).allMatch(line -> line.contains("503"));
  }

  @Test
  void backoff_growsExponentiallyWithinHalfJitter() throws Exception {
    Script call = always(FailingResponses.plain(500, null));

    assertThatThrownBy(() -> retrier.call(call)).isInstanceOf(RetriesExhaustedException.class);

    List<Long> sleeps = sleeper.sleeps();
    assertThat(sleeps).hasSize(4);
    for (int i = 0; i < sleeps.size(); i++) {
      long base = 1000L << i;
      assertThat(sleeps.get(i)).as("wait %d", i + 1).isBetween(base / 2, base * 3 / 2);
    }
  }

  @Test
  void retryAfterSeconds_isHonoured() throws Exception {
    Script call = new Script(FailingResponses.plain(429, "7"));

    retrier.call(call);

    assertThat(sleeper.sleeps()).containsExactly(7000L);
  }

  @Test
  void retryAfterHttpDate_isMeasuredFromTheClock() throws Exception {
    Script call =
        new Script(FailingResponses.json(503, "backendError", "Mon, 20 Oct 2025 09:00:12 GMT"));

    retrier.call(call);

    assertThat(sleeper.sleeps()).containsExactly(12_000L);
  }

  @Test
  void exhaustion_isTemporaryAfterExactlyFiveAttempts() {
    Script call = always(FailingResponses.plain(503, null));

    assertThatThrownBy(() -> retrier.call(call))
        .isInstanceOfSatisfying(
            RetriesExhaustedException.class,
            e -> {
              assertThat(e.attempts()).isEqualTo(5);
              assertThat(e.lastFailure()).isEqualTo("HTTP 503 Fake Reason");
              assertThat(e.getMessage())
                  .startsWith("HTTP 503 Fake Reason (gave up after 5 attempts over ")
                  .doesNotContain("Google is busy");
              assertThat(e.waited()).isEqualTo(Duration.ofMillis(sleeper.totalMillis()));
              assertThat(e.refusedWait()).isNull();
              assertThat(e.getCause()).isInstanceOf(IOException.class);
            });
    assertThat(call.attempts).isEqualTo(5);
    assertThat(sleeper.sleeps()).hasSize(4);
    assertThat(sleeper.totalMillis()).isLessThanOrEqualTo(32_000L);
  }

  @Test
  void retryAfterLongerThanTheBudget_givesUpWithoutSleeping() {
    Script call = always(FailingResponses.plain(429, "40"));

    assertThatThrownBy(() -> retrier.call(call))
        .isInstanceOfSatisfying(
            RetriesExhaustedException.class,
            e -> {
              assertThat(e.refusedWait()).isEqualTo(Duration.ofSeconds(40));
              assertThat(e.getMessage()).endsWith("; Google asked to wait 40 s more)");
            });
    assertThat(call.attempts).isEqualTo(1);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void retryAfterThatWouldOverrunTheRemainingBudget_stopsBeforeIt() {
    Script call = always(FailingResponses.plain(429, "20"));

    assertThatThrownBy(() -> retrier.call(call)).isInstanceOf(RetriesExhaustedException.class);
    assertThat(call.attempts).isEqualTo(2);
    assertThat(sleeper.sleeps()).containsExactly(20_000L);
  }

  @Test
  void badRequestAndNotFound_areRethrownUnchanged_afterOneAttempt() {
    for (IOException failure :
        List.of(
            FailingResponses.plain(400, null),
            FailingResponses.plain(404, null),
            FailingResponses.json(401, "authError", null))) {
      Script call = always(failure);

      assertThatThrownBy(() -> retrier.call(call)).isSameAs(failure);
      assertThat(call.attempts).isEqualTo(1);
    }
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void forbiddenForRateLimit_isRetried() throws Exception {
    Script call =
        new Script(
            FailingResponses.json(403, "rateLimitExceeded", null),
            FailingResponses.json(403, "userRateLimitExceeded", null));

    assertThat(retrier.call(call)).isEqualTo("ok");
    assertThat(call.attempts).isEqualTo(3);
  }

  @Test
  void forbiddenForPermissions_isNotRetried() {
    IOException failure = FailingResponses.json(403, "insufficientPermissions", null);
    Script call = always(failure);

    assertThatThrownBy(() -> retrier.call(call)).isSameAs(failure);
    assertThat(call.attempts).isEqualTo(1);
  }

  @Test
  void socketTimeout_isRetried() throws Exception {
    Script call = new Script(new SocketTimeoutException("Read timed out"));

    assertThat(retrier.call(call)).isEqualTo("ok");
    assertThat(call.attempts).isEqualTo(2);
    assertThat(diagnostics.get(0)).contains("SocketTimeoutException", "Read timed out");
  }

  @Test
  void budgets_areIndependentPerCall() throws Exception {
    retrier.call(new Script(FailingResponses.plain(503, null)));
    Script second =
        new Script(
            FailingResponses.plain(503, null), FailingResponses.plain(503, null),
            FailingResponses.plain(503, null), FailingResponses.plain(503, null));

    assertThat(retrier.call(second)).isEqualTo("ok");
    assertThat(second.attempts).isEqualTo(5);
  }

  @Test
  void describe_namesStatusOrExceptionWithoutBody() {
    assertThat(Retrier.describe(FailingResponses.plain(503, null)))
        .isEqualTo("HTTP 503 Fake Reason");
    assertThat(Retrier.describe(new ConnectException("Connection refused")))
        .isEqualTo("ConnectException: Connection refused");
  }
}
