package dev.gmailcli.gmail;

import java.util.List;

/**
 * Which arrivals {@code threads --new} reports.
 *
 * @param query Gmail search syntax a new message must match, or null/blank for none
 * @param labels label ids or names, all of which a new message must carry
 * @param includeSpamTrash messages in Spam and Trash count too
 */
public record NewThreadsFilter(String query, List<String> labels, boolean includeSpamTrash) {

  public NewThreadsFilter {
    query = query == null ? "" : query.strip();
    labels = labels == null ? List.of() : List.copyOf(labels);
  }

  boolean hasQuery() {
    return !query.isEmpty();
  }
}
