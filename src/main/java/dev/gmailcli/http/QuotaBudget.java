package dev.gmailcli.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A client-side budget of quota units: a token bucket refilled at an adaptive rate. Every call
 * reserves its units before it is sent. A refusal by the server lowers the rate by 30% and pauses
 * the budget for as long as the server asked; each success raises the rate back step by step
 * (additive increase, multiplicative decrease), up to a ceiling just below the rate that drew the
 * refusal, which itself creeps back to the policy's rate. The budget only computes waits — the
 * caller sleeps them — so its own time is the later of the clock and the end of the last wait it
 * handed out.
 */
public final class QuotaBudget {
  /**
   * Once the budget is spent, a request (a batch) carries at most this much refill: a call sent as
   * one lump can push a sliding quota window over by its own size, so paced batches stay small.
   */
  private static final Duration PACED_CALL_REFILL = Duration.ofSeconds(1);

  private static final double DECREASE = 0.7;
  private static final double CEILING_MARGIN = 0.95;
  // refused again before a burst's worth of calls went through: the limit is well below the rate
  private static final double REPEATED_CEILING_MARGIN = 0.7;
  private static final int CEILING_CREEP = 50;

  private final QuotaPolicy policy;
  private final Clock clock;
  private double rate;
  // the rate just below the last refusal; creeps back up to the policy's rate
  private double ceiling;
  private double tokens;
  private Instant updated;
  private Instant pausedUntil;
  private long unitsSpent;
  private long spentSinceRefusal = Long.MAX_VALUE / 2;
  private long callsRefused;
  private Duration waited = Duration.ZERO;

  public QuotaBudget(QuotaPolicy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
    this.rate = policy.unitsPerSecond();
    this.ceiling = policy.unitsPerSecond();
    this.tokens = policy.burst();
    this.updated = clock.instant();
    this.pausedUntil = updated;
  }

  /** The budget's time: the clock, or the end of the last wait handed out if that is later. */
  public synchronized Instant now() {
    Instant real = clock.instant();
    return real.isAfter(updated) ? real : updated;
  }

  /**
   * Takes {@code units} from the budget and says how long to wait before sending the call: until
   * any pause is over and the budget holds them. The caller must sleep that long.
   */
  public synchronized Duration reserve(int units) {
    Instant now = now();
    refill(now);
    Instant start = pausedUntil.isAfter(now) ? pausedUntil : now;
    double missing = units - tokens;
    Instant ready = missing <= 0 ? start : start.plusNanos((long) (missing / rate * 1e9));
    tokens = Math.max(0, tokens - units);
    updated = ready;
    Duration wait = Duration.between(now, ready);
    waited = waited.plus(wait);
    return wait;
  }

  /**
   * The most calls of {@code cost} units each that one request (a batch) should carry: what the
   * budget holds now, or else what it refills in a second.
   */
  public synchronized int maxCalls(int cost) {
    Instant now = now();
    refill(now);
    double held = pausedUntil.isAfter(now) ? 0 : tokens;
    double paced = rate * PACED_CALL_REFILL.toMillis() / 1000.0;
    return Math.max(1, (int) (Math.min(policy.burst(), Math.max(held, paced)) / cost));
  }

  /** Calls worth {@code units} succeeded: the rate climbs back towards the policy's. */
  public synchronized void spent(int units) {
    unitsSpent += units;
    spentSinceRefusal += units;
    double step = policy.unitsPerSecond() / policy.burst() * units;
    ceiling = Math.min(policy.unitsPerSecond(), ceiling + step / CEILING_CREEP);
    rate = Math.min(ceiling, rate + step);
  }

  /**
   * The server refused {@code calls} calls worth {@code units} for exceeding its quota: lower the
   * rate, keep no more than what is needed to send them again, and pause for {@code wait}.
   */
  public synchronized void refused(int calls, int units, Duration wait) {
    callsRefused += calls;
    double margin = spentSinceRefusal >= policy.burst() ? CEILING_MARGIN : REPEATED_CEILING_MARGIN;
    spentSinceRefusal = 0;
    ceiling = Math.max(policy.minUnitsPerSecond(), rate * margin);
    rate = Math.max(policy.minUnitsPerSecond(), Math.min(ceiling, rate * DECREASE));
    refill(now());
    tokens = Math.min(tokens, units);
    pause(wait);
  }

  /** No call before {@code wait} has passed (a backoff that is not about the quota). */
  public synchronized void pause(Duration wait) {
    Instant until = now().plus(wait);
    if (until.isAfter(pausedUntil)) {
      refill(now());
      pausedUntil = until;
    }
  }

  /** The current refill rate, in units a second. */
  public synchronized double rate() {
    return rate;
  }

  /** What the budget has done so far. */
  public synchronized QuotaSummary summary() {
    return new QuotaSummary(unitsSpent, callsRefused, waited);
  }

  // Tokens accrue at the current rate, never during a pause, up to the burst.
  private void refill(Instant to) {
    Instant from = pausedUntil.isAfter(updated) ? pausedUntil : updated;
    if (to.isAfter(from)) {
      double seconds = Duration.between(from, to).toNanos() / 1e9;
      tokens = Math.min(policy.burst(), tokens + seconds * rate);
    }
    if (to.isAfter(updated)) {
      updated = to;
    }
  }
}
