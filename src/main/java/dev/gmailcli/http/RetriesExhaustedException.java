package dev.gmailcli.http;

import java.io.IOException;
import java.time.Duration;

/**
 * Every attempt of a call failed transiently and the {@link RetryPolicy} is used up. Says what
 * happened — the last failure, the attempts made, the time waited, and a wait the server asked for
 * that did not fit — and leaves the user's message and exit code to the layer that knows what the
 * call was for.
 */
public final class RetriesExhaustedException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String lastFailure;
  private final int attempts;
  private final Duration waited;
  private final Duration refusedWait;

  /**
   * @param lastFailure the last failure, described without bodies or headers ("HTTP 503 …")
   * @param attempts attempts made, the first one included
   * @param waited time spent waiting between attempts
   * @param refusedWait a Retry-After that would have overrun the policy, or null
   * @param cause the last failure itself, or null when it was reported inside a batch
   */
  public RetriesExhaustedException(
      String lastFailure, int attempts, Duration waited, Duration refusedWait, Throwable cause) {
    super(summary(lastFailure, attempts, waited, refusedWait), cause);
    this.lastFailure = lastFailure;
    this.attempts = attempts;
    this.waited = waited;
    this.refusedWait = refusedWait;
  }

  public String lastFailure() {
    return lastFailure;
  }

  public int attempts() {
    return attempts;
  }

  public Duration waited() {
    return waited;
  }

  /** A Retry-After that would have overrun the policy, or null. */
  public Duration refusedWait() {
    return refusedWait;
  }

  private static String summary(
      String lastFailure, int attempts, Duration waited, Duration refusedWait) {
    String asked =
        refusedWait == null ? "" : "; Google asked to wait " + refusedWait.toSeconds() + " s more";
    return lastFailure
        + " (gave up after "
        + attempts
        + " attempt"
        + (attempts == 1 ? "" : "s")
        + " over "
        + waited.toSeconds()
        + " s"
        + asked
        + ")";
  }
}
