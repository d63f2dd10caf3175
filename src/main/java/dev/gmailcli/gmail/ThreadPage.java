package dev.gmailcli.gmail;

import java.util.List;

/**
 * One threads.list request.
 *
 * @param maxResults threads to ask for (1 to {@link ThreadLister#MAX_PAGE})
 * @param query Gmail search syntax, or null
 * @param labelIds label ids (already resolved from names), all of which a thread must carry
 * @param includeSpamTrash also list threads in Spam and Trash
 * @param pageToken continue from this page token, or null for the first page
 */
public record ThreadPage(
    int maxResults,
    String query,
    List<String> labelIds,
    boolean includeSpamTrash,
    String pageToken) {

  public ThreadPage {
    labelIds = labelIds == null ? List.of() : List.copyOf(labelIds);
  }
}
