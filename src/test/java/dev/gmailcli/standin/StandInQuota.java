package dev.gmailcli.standin;

import dev.gmailcli.standin.StandInHttp.Resp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * An optional per-user quota, as Gmail enforces it: each call (batch parts included, the batch
 * itself free) costs units from Gmail's quota table, and once the units accepted within a sliding
 * window would exceed the limit, the call is refused with 429 {@code rateLimitExceeded} and Gmail's
 * message "User-rate limit exceeded. Retry after &lt;RFC 3339 time&gt;" — the time at which enough
 * units will have left the window. Refused calls cost nothing. Off until {@link #limit} is called.
 */
final class StandInQuota {
  /** Gmail's quota table, for the methods the stand-in serves. */
  static final Map<String, Integer> GMAIL_COSTS =
      Map.of(
          "threads.list", 10,
          "threads.get", 10,
          "messages.list", 5,
          "history.list", 2,
          "labels.list", 1,
          "profile", 1);

  private record Charge(Instant at, int units) {}

  private final Map<String, Integer> costs = new HashMap<>(GMAIL_COSTS);
  private final Deque<Charge> window = new ArrayDeque<>();
  private Clock clock = Clock.systemUTC();
  private int limit;
  private Duration length;
  private int inWindow;
  private long unitsAccepted;
  private long refused;

  synchronized void limit(int units, Duration per) {
    if (units < 1 || per.isZero() || per.isNegative()) {
      throw new IllegalArgumentException("a quota needs units ≥ 1 and a positive window");
    }
    limit = units;
    length = per;
  }

  synchronized void clock(Clock clock) {
    this.clock = clock;
  }

  synchronized void cost(String kind, int units) {
    costs.put(kind, units);
  }

  /** Null when the call may go ahead (its units are then taken), else the 429 to answer. */
  synchronized Resp charge(String kind) {
    Integer cost = costs.get(kind);
    if (limit == 0 || cost == null) {
      return null;
    }
    Instant now = clock.instant();
    while (!window.isEmpty() && !window.peekFirst().at().isAfter(now.minus(length))) {
      inWindow -= window.removeFirst().units();
    }
    if (inWindow + cost <= limit) {
      window.addLast(new Charge(now, cost));
      inWindow += cost;
      unitsAccepted += cost;
      return null;
    }
    refused++;
    return Resp.json(429, GoogleErrors.userRateLimitExceeded(retryTime(now, cost)));
  }

  synchronized long refused() {
    return refused;
  }

  synchronized long unitsAccepted() {
    return unitsAccepted;
  }

  // When enough of the oldest units will have left the window, rounded up to the millisecond.
  private Instant retryTime(Instant now, int cost) {
    int over = inWindow + cost - limit;
    Instant at = now.plus(length);
    int freed = 0;
    for (Charge charge : window) {
      freed += charge.units();
      if (freed >= over) {
        at = charge.at().plus(length);
        break;
      }
    }
    return at.plusNanos(999_999).truncatedTo(ChronoUnit.MILLIS);
  }
}
