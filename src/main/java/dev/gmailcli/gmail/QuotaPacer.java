package dev.gmailcli.gmail;

import com.google.api.client.util.Sleeper;
import dev.gmailcli.GmailCliException;
import dev.gmailcli.http.QuotaBudget;
import dev.gmailcli.http.QuotaSummary;
import dev.gmailcli.http.Retrier;
import dev.gmailcli.http.RetriesExhaustedException;
import dev.gmailcli.http.StallGuard;
import dev.gmailcli.http.TransientFailures;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Decides when each Gmail call goes out: after the {@link QuotaBudget} holds its units, and after
 * any pause Gmail asked for. Transient failures are retried — refused calls lower the budget's rate
 * — until nothing has succeeded for the {@link StallGuard}'s limit; other failures become {@link
 * GmailCliException}s at once.
 */
public final class QuotaPacer {
  // Gmail's "Retry after" may name a time already past; never retry in a tight loop.
  private static final Duration SHORTEST_REFUSAL_WAIT = Duration.ofMillis(100);

  private final QuotaBudget budget;
  private final StallGuard guard;
  private final Sleeper sleeper;
  private final WaitListener waits;
  private final Consumer<String> diagnostics;
  private boolean lastPauseForQuota = true;

  /**
   * @param waits hears about each wait before it starts
   * @param diagnostics receives a line per failure retried (--verbose)
   */
  public QuotaPacer(
      QuotaBudget budget,
      StallGuard guard,
      Sleeper sleeper,
      WaitListener waits,
      Consumer<String> diagnostics) {
    this.budget = budget;
    this.guard = guard;
    this.sleeper = sleeper;
    this.waits = waits;
    this.diagnostics = diagnostics;
  }

  /** A request that receives the tally of its batch parts. */
  @FunctionalInterface
  interface BatchCall {
    void send(PartTally tally) throws IOException;
  }

  /** Runs one call until it succeeds; transient failures are retried, others thrown. */
  <T> T call(String what, QuotaCost cost, Retrier.IoCall<T> request) {
    while (true) {
      await(cost.units());
      try {
        T result = request.call();
        budget.spent(cost.units());
        guard.progress();
        return result;
      } catch (IOException e) {
        failed(what, e, 1, cost.units());
      }
    }
  }

  /**
   * Sends one batch of {@code parts} calls of {@code cost} each, again while the whole request
   * fails transiently. Afterwards, parts Gmail refused lower the rate and pause the budget; the
   * caller sends them again.
   */
  void batch(String what, int parts, QuotaCost cost, BatchCall request) {
    int units = parts * cost.units();
    while (true) {
      await(units);
      PartTally tally = new PartTally(budget.now());
      try {
        request.send(tally);
      } catch (IOException e) {
        failed(what, e, parts, units);
        continue;
      }
      budget.spent(tally.succeeded * cost.units());
      if (tally.succeeded > 0) {
        guard.progress();
      }
      if (tally.refused + tally.failedTransiently > 0) {
        String failure = tally.describe(parts);
        boolean quota = tally.refused > 0;
        Duration wait = waitAfter(what, failure, tally.asked, quota, null);
        if (quota) {
          budget.refused(tally.refused, tally.refused * cost.units(), wait);
        } else {
          budget.pause(wait);
        }
        report(failure, quota, wait);
      }
      return;
    }
  }

  /** The most calls of {@code cost} one batch should carry now. */
  int maxCalls(QuotaCost cost) {
    return budget.maxCalls(cost.units());
  }

  Sleeper sleeper() {
    return sleeper;
  }

  /** Units spent, calls refused and time waited so far. */
  public QuotaSummary summary() {
    return budget.summary();
  }

  private void failed(String what, IOException e, int calls, int units) {
    if (!TransientFailures.isTransient(e)) {
      throw GmailErrors.toCliException(e, what);
    }
    boolean quota = TransientFailures.isRateLimit(e);
    Duration asked = TransientFailures.retryAfter(e, budget.now());
    Duration wait = waitAfter(what, Retrier.describe(e), asked, quota, e);
    if (quota) {
      budget.refused(calls, units, wait);
    } else {
      budget.pause(wait);
    }
    report(Retrier.describe(e), quota, wait);
  }

  private Duration waitAfter(
      String what, String failure, Duration asked, boolean quota, Throwable cause) {
    Duration wait;
    try {
      wait = guard.failed(failure, asked, cause);
    } catch (RetriesExhaustedException e) {
      throw GmailErrors.toCliException(e, what);
    }
    if (quota && wait.compareTo(SHORTEST_REFUSAL_WAIT) < 0) {
      wait = SHORTEST_REFUSAL_WAIT;
    }
    lastPauseForQuota = quota;
    return wait;
  }

  private void report(String failure, boolean quota, Duration wait) {
    diagnostics.accept(
        (quota ? "Gmail refused calls for its quota: " : "retrying after ")
            + failure
            + " (waiting "
            + wait.toMillis()
            + " ms"
            + (quota ? ", then at most " + Math.round(budget.rate()) + " units/s" : "")
            + ")");
  }

  private void await(int units) {
    Duration wait = budget.reserve(units);
    if (wait.isZero()) {
      return;
    }
    waits.waiting(wait, lastPauseForQuota);
    try {
      sleeper.sleep((wait.toNanos() + 999_999) / 1_000_000); // never send before the budget allows
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw GmailCliException.temporary(
          "interrupted while waiting for Gmail's rate limit", "run the command again", e);
    }
    lastPauseForQuota = true;
  }
}
