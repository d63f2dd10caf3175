package dev.gmailcli.state;

import java.time.Instant;

/**
 * Where {@code threads --new} stopped: the mailbox's Gmail history id at the last run, and when
 * that run started (the bound of the listing gmailcli falls back to once Gmail's history no longer
 * reaches back that far). Holds no secret.
 *
 * @param key which cursor, and the account and filter it follows
 * @param historyId the Gmail history id (a decimal number) the next run reads on from
 * @param lastRun when the run that recorded {@code historyId} started
 */
public record Cursor(CursorKey key, String historyId, Instant lastRun) {

  public Cursor {
    if (historyId == null || !historyId.matches("\\d{1,30}")) {
      throw new IllegalArgumentException("not a history id: " + historyId);
    }
    if (lastRun == null) {
      throw new IllegalArgumentException("no time of the last run");
    }
  }
}
