package dev.gmailcli.gmail;

import java.time.Instant;
import java.util.List;

/**
 * Which new messages count, by Gmail's own rules for listing. A draft never counts (it did not
 * arrive). Without a query, a message counts when it carries every label asked for; Spam and Trash
 * count only when asked for (by --include-spam-trash or --label SPAM/TRASH), as in a listing; and
 * with no filter at all, a message the account sent (SENT without INBOX) does not count — with a
 * filter it counts when it matches, like any other.
 */
final class ArrivalRules {
  private ArrivalRules() {}

  static boolean isDraft(List<String> labels) {
    return labels.contains("DRAFT");
  }

  /** Whether a new message with {@code labels} counts for a filter without a query. */
  static boolean countsWithoutQuery(List<String> labels, List<String> wanted, boolean spamTrash) {
    boolean hidden = labels.contains("SPAM") || labels.contains("TRASH");
    if (hidden && !spamTrash && !wanted.contains("SPAM") && !wanted.contains("TRASH")) {
      return false;
    }
    if (wanted.isEmpty()) {
      return !(labels.contains("SENT") && !labels.contains("INBOX"));
    }
    return labels.containsAll(wanted);
  }

  /**
   * The user's query limited to messages that arrived from {@code after} on, in epoch seconds (the
   * form Gmail reads exactly, where a date would be midnight Pacific time); the query is grouped so
   * that an OR in it cannot escape the limit.
   */
  static String since(String query, Instant after) {
    String limit = "after:" + after.getEpochSecond();
    return query.isBlank() ? limit : "(" + query + ") " + limit;
  }
}
