package dev.gmailcli.gmail;

import java.util.List;

/**
 * What to list.
 *
 * @param max how many threads at most (≥ 1)
 * @param query Gmail search syntax, or null
 * @param labels label ids or names, all of which a thread must carry
 * @param includeSpamTrash also list threads in Spam and Trash
 * @param pageToken continue from a nextPageToken printed earlier, or null
 * @param details fetch subject, from, date, message count and label ids
 */
public record ThreadQuery(
    int max,
    String query,
    List<String> labels,
    boolean includeSpamTrash,
    String pageToken,
    boolean details) {

  public ThreadQuery {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1");
    }
    labels = labels == null ? List.of() : List.copyOf(labels);
  }
}
