package dev.gmailcli.http;

import java.time.Duration;
import java.util.Locale;

/**
 * What a {@link QuotaBudget} did in one run.
 *
 * @param unitsSpent quota units of the calls that succeeded
 * @param callsRefused calls (batch parts included) the server refused for exceeding its quota
 * @param waited time spent waiting for the budget, pauses included
 */
public record QuotaSummary(long unitsSpent, long callsRefused, Duration waited) {
  /** "quota: 10020 units spent, 2 calls refused, 41.3 s waited". */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "quota: %d units spent, %d call%s refused, %.1f s waited",
        unitsSpent,
        callsRefused,
        callsRefused == 1 ? "" : "s",
        waited.toMillis() / 1000.0);
  }
}
