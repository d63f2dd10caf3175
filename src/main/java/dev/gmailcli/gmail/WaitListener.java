package dev.gmailcli.gmail;

import java.time.Duration;

/** Hears when Gmail calls are about to wait, e.g. to show it on a progress line. */
@FunctionalInterface
public interface WaitListener {
  /** Hears nothing. */
  WaitListener NONE = (wait, rateLimit) -> {};

  /**
   * The next call waits {@code wait} before it is sent.
   *
   * @param rateLimit the wait is for Gmail's quota (pacing, or Gmail refused calls), not a backoff
   *     after another failure
   */
  void waiting(Duration wait, boolean rateLimit);
}
