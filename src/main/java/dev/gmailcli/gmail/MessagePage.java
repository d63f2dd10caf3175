package dev.gmailcli.gmail;

import java.util.List;

/**
 * One users.messages.list request.
 *
 * @param maxResults messages to ask for (1 to 500)
 * @param query Gmail search syntax, or null
 * @param labelIds label ids, all of which a message must carry
 * @param includeSpamTrash also messages in Spam and Trash
 * @param pageToken continue from this page token, or null for the first page
 */
public record MessagePage(
    int maxResults,
    String query,
    List<String> labelIds,
    boolean includeSpamTrash,
    String pageToken) {

  public MessagePage {
    labelIds = labelIds == null ? List.of() : List.copyOf(labelIds);
  }
}
