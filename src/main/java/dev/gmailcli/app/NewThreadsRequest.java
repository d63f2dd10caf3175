package dev.gmailcli.app;

import java.util.List;

/**
 * What {@code gmailcli threads --new} was asked for.
 *
 * @param cursor the {@code --cursor} name, or null for the filter's own cursor
 * @param query Gmail search syntax a new message must match, or null
 * @param labels label ids or names, all of which a new message must carry
 * @param includeSpamTrash messages in Spam and Trash count too
 * @param max print at most this many threads (the newest), or null for every one
 * @param details fetch subject, from, date, message count and label ids
 */
public record NewThreadsRequest(
    String cursor,
    String query,
    List<String> labels,
    boolean includeSpamTrash,
    Integer max,
    boolean details) {

  public NewThreadsRequest {
    labels = labels == null ? List.of() : List.copyOf(labels);
  }
}
