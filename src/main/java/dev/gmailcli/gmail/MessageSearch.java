package dev.gmailcli.gmail;

import com.google.api.services.gmail.model.ListMessagesResponse;
import com.google.api.services.gmail.model.Message;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Pages through users.messages.list: the messages that match a query, as Gmail sees it. */
final class MessageSearch {
  private static final int PAGE = 500;

  private final GmailService gmail;

  MessageSearch(GmailService gmail) {
    this.gmail = gmail;
  }

  /**
   * Message id → thread id of every message matching, newest first; stops early once every id in
   * {@code enough} was seen (null: never).
   */
  Map<String, String> find(
      String query, List<String> labelIds, boolean includeSpamTrash, Set<String> enough) {
    Map<String, String> found = new LinkedHashMap<>();
    String pageToken = null;
    do {
      ListMessagesResponse page =
          gmail.listMessages(new ListPage(PAGE, query, labelIds, includeSpamTrash, pageToken));
      List<Message> messages = page.getMessages() == null ? List.of() : page.getMessages();
      for (Message message : messages) {
        found.put(message.getId(), message.getThreadId());
      }
      if (enough != null && found.keySet().containsAll(enough)) {
        break;
      }
      pageToken = messages.isEmpty() ? null : page.getNextPageToken();
    } while (pageToken != null);
    return found;
  }
}
