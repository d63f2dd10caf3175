package dev.gmailcli.http;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Keeps a long operation (a listing of any size) going through transient failures, and gives up
 * only when nothing has succeeded for a bounded time — not after a fixed number of attempts. The
 * wait after a failure is what the server asked for, or an exponential backoff with jitter.
 */
public final class StallGuard {
  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(16);

  private final Duration limit;
  private final RandomGenerator random;
  private final Supplier<Instant> now;
  private Instant lastSuccess;
  private int failures;
  private Duration waited = Duration.ZERO;

  /**
   * @param limit give up when nothing has succeeded for this long
   * @param now the time (a {@link QuotaBudget}'s, so that waits count even if the clock is fake)
   */
  public StallGuard(Duration limit, RandomGenerator random, Supplier<Instant> now) {
    this.limit = limit;
    this.random = random;
    this.now = now;
  }

  /** Something succeeded: the operation is making progress. */
  public synchronized void progress() {
    lastSuccess = now.get();
    failures = 0;
    waited = Duration.ZERO;
  }

  /**
   * A transient failure: how long to wait before trying again.
   *
   * @param failure the failure, described without bodies or headers ("HTTP 503 …")
   * @param asked the wait the server asked for, or null
   * @param cause the failure itself, or null
   * @throws RetriesExhaustedException when the wait would end more than the limit after the last
   *     success (then nothing is waited)
   */
  public synchronized Duration failed(String failure, Duration asked, Throwable cause)
      throws RetriesExhaustedException {
    Instant at = now.get();
    if (lastSuccess == null) {
      lastSuccess = at;
    }
    failures++;
    Duration wait = asked != null ? asked : backoff(failures);
    Duration stalled = Duration.between(lastSuccess, at);
    if (waited.compareTo(stalled) > 0) {
      stalled = waited; // a sleeper that does not advance the clock still counts
    }
    if (stalled.plus(wait).compareTo(limit) > 0) {
      throw new RetriesExhaustedException(failure, failures, stalled, asked, cause);
    }
    waited = waited.plus(wait);
    return wait;
  }

  private Duration backoff(int failure) {
    long base = FIRST_BACKOFF.toMillis() << Math.min(failure - 1, 20);
    long capped = Math.min(base, LONGEST_BACKOFF.toMillis());
    long jitter = (long) (capped * (random.nextDouble() - 0.5));
    return Duration.ofMillis(Math.max(0, capped + jitter));
  }
}
