package dev.gmailcli.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The system clock in the default time zone, like {@link Clock#systemDefaultZone()}, except that it
 * looks the zone up only when asked for it: reading the time-zone database costs a start-up some
 * ten milliseconds, and most runs only compare instants.
 */
final class SystemClock extends Clock {
  private volatile ZoneId zone;

  @Override
  public ZoneId getZone() {
    ZoneId known = zone;
    if (known == null) {
      known = ZoneId.systemDefault();
      zone = known;
    }
    return known;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return Clock.system(other);
  }

  @Override
  public Instant instant() {
    return Instant.now();
  }

  @Override
  public long millis() {
    return System.currentTimeMillis();
  }
}
