package dev.gmailcli.gmail;

import dev.gmailcli.http.QuotaPolicy;

/** What Gmail API methods cost in quota units, from Gmail's quota table. */
public enum QuotaCost {
  THREADS_LIST(10),
  THREADS_GET(10),
  MESSAGES_LIST(5),
  MESSAGES_GET(5),
  HISTORY_LIST(2),
  LABELS_LIST(1),
  GET_PROFILE(1);

  private final int units;

  QuotaCost(int units) {
    this.units = units;
  }

  public int units() {
    return units;
  }

  /**
   * Gmail's per-user limit: 15,000 units a minute, 250 a second on average. The budget starts with
   * 10 s worth (a short burst Gmail allows) and never drops below one threads.get a second.
   */
  public static QuotaPolicy perUserPolicy() {
    return new QuotaPolicy(250, 2_500, 10);
  }
}
