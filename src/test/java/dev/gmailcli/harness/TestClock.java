package dev.gmailcli.harness;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The fixed time end-to-end tests run gmailcli at, so that what it prints and saves does not depend
 * on when the tests run. It is the day the stand-in's generated mailbox ends (its newest message is
 * from 09:30 that morning).
 */
public final class TestClock {
  /** 2024-03-15T12:00:00Z. */
  public static final Instant NOW = Instant.parse("2024-03-15T12:00:00Z");

  /** A clock standing still at {@link #NOW}, in UTC. */
  public static final Clock FIXED = Clock.fixed(NOW, ZoneOffset.UTC);

  private TestClock() {}
}
