package dev.gmailcli.http;

import com.google.api.client.http.HttpResponseException;
import com.google.api.client.util.Sleeper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Repeats a call that failed transiently (429, 5xx, rate-limit 403, network errors) with
 * exponential backoff and jitter, honouring Retry-After, within a {@link RetryPolicy}. Other
 * failures are rethrown at once for the caller to explain; running out of attempts is a temporary
 * failure (exit 5).
 */
public final class Retrier {
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final RandomGenerator random;
  private final Clock clock;
  private final Consumer<String> diagnostics;

  public Retrier(
      RetryPolicy policy,
      Sleeper sleeper,
      RandomGenerator random,
      Clock clock,
      Consumer<String> diagnostics) {
    this.policy = policy;
    this.sleeper = sleeper;
    this.random = random;
    this.clock = clock;
    this.diagnostics = diagnostics;
  }

  /** A call that may fail with an IOException. */
  @FunctionalInterface
  public interface IoCall<T> {
    T call() throws IOException;
  }

  /**
   * Runs {@code call} until it succeeds, fails permanently, or the policy is used up.
   *
   * @throws IOException a failure that is not transient, unchanged
   * @throws RetriesExhaustedException when every attempt failed transiently
   */
  public <T> T call(IoCall<T> call) throws IOException {
    Budget budget = newBudget();
    while (true) {
      try {
        return call.call();
      } catch (IOException e) {
        if (!TransientFailures.isTransient(e)) {
          throw e;
        }
        if (!budget.waitBeforeRetry(TransientFailures.retryAfter(e, clock), describe(e))) {
          throw budget.exhausted(describe(e), e);
        }
      }
    }
  }

  /** A fresh allowance of attempts, for callers that retry parts of a batch themselves. */
  public Budget newBudget() {
    return new Budget();
  }

  /** Attempts and waiting time left for one logical operation. */
  public final class Budget {
    private int attempts = 1;
    private Duration waited = Duration.ZERO;
    private Duration refusedWait;

    /**
     * Waits before the next attempt; false (without waiting) when the policy is used up or the
     * server asked for a longer wait than is left.
     */
    public boolean waitBeforeRetry(Duration retryAfter, String failure) {
      if (attempts >= policy.maxAttempts()) {
        return false;
      }
      Duration delay = retryAfter != null ? retryAfter : jittered(attempts);
      if (waited.plus(delay).compareTo(policy.maxTotalWait()) > 0) {
        refusedWait = retryAfter;
        return false;
      }
      diagnostics.accept(
          "retrying after "
              + failure
              + " (attempt "
              + (attempts + 1)
              + " of "
              + policy.maxAttempts()
              + ", waiting "
              + delay.toMillis()
              + " ms)");
      try {
        sleeper.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      waited = waited.plus(delay);
      attempts++;
      return true;
    }

    /** The failure to report when this budget is used up. */
    public RetriesExhaustedException exhausted(String lastFailure, Throwable cause) {
      return new RetriesExhaustedException(lastFailure, attempts, waited, refusedWait, cause);
    }

    private Duration jittered(int retryNumber) {
      long base = policy.initialDelay().toMillis() << Math.min(retryNumber - 1, 20);
      long capped = Math.min(base, policy.maxDelay().toMillis());
      long jitter = (long) (capped * (random.nextDouble() - 0.5));
      return Duration.ofMillis(Math.max(0, capped + jitter));
    }
  }

  /** A short description of a failure, without bodies or headers. */
  public static String describe(IOException e) {
    if (e instanceof HttpResponseException http) {
      String status =
          http.getStatusCode()
              + " "
              + (http.getStatusMessage() == null ? "" : http.getStatusMessage());
      return "HTTP " + status.trim();
    }
    if (e instanceof ProxyFailureException) {
      return e.getMessage();
    }
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
