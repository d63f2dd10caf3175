package dev.gmailcli.http;

import java.time.Duration;

/**
 * How hard gmailcli tries before giving up on a transient failure.
 *
 * @param maxAttempts attempts in all, the first one included
 * @param maxTotalWait the most time spent waiting between attempts, summed
 * @param initialDelay the wait before the first retry (before jitter)
 * @param maxDelay the longest single wait
 */
public record RetryPolicy(
    int maxAttempts, Duration maxTotalWait, Duration initialDelay, Duration maxDelay) {

  /** 5 attempts, waits 1 s, 2 s, 4 s, 8 s (±50% jitter, or what Retry-After asks), 32 s at most. */
  public static RetryPolicy standard() {
    return new RetryPolicy(
        5, Duration.ofSeconds(32), Duration.ofSeconds(1), Duration.ofSeconds(16));
  }
}
