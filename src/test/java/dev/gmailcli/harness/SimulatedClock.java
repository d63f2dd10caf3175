package dev.gmailcli.harness;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scaled time for tests: a clock that stands still until it is advanced — by the test, or by a
 * {@link RecordingSleeper} told to advance it — so a run that waits minutes for Gmail's quota takes
 * milliseconds, and its waits are measured exactly.
 */
public final class SimulatedClock extends Clock {
  private final Instant start;
  private final AtomicLong elapsedNanos = new AtomicLong();

  public SimulatedClock(Instant start) {
    this.start = start;
  }

  /** Moves the clock forward. */
  public void advance(Duration by) {
    elapsedNanos.addAndGet(by.toNanos());
  }

  /** Moves the clock forward, for {@link RecordingSleeper#alsoAdvancing}. */
  public void advanceMillis(long millis) {
    advance(Duration.ofMillis(millis));
  }

  /** Time passed since the start. */
  public Duration elapsed() {
    return Duration.ofNanos(elapsedNanos.get());
  }

  @Override
  public Instant instant() {
    return start.plusNanos(elapsedNanos.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a simulated clock stays in UTC");
  }
}
