package dev.gmailcli.http;

/**
 * The rate a {@link QuotaBudget} starts from and returns to.
 *
 * @param unitsPerSecond the quota's average rate, and the budget's highest refill rate
 * @param burst units the budget holds at most (and holds at the start)
 * @param minUnitsPerSecond the rate is never lowered below this
 */
public record QuotaPolicy(double unitsPerSecond, int burst, double minUnitsPerSecond) {
  public QuotaPolicy {
    if (unitsPerSecond <= 0 || minUnitsPerSecond <= 0 || minUnitsPerSecond > unitsPerSecond) {
      throw new IllegalArgumentException("rates must be positive, the minimum below the rate");
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1");
    }
  }
}
