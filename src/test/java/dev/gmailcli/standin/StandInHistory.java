package dev.gmailcli.standin;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.gmailcli.standin.StandInHttp.Req;
import dev.gmailcli.standin.StandInHttp.Resp;
import dev.gmailcli.standin.StandInMailbox.HistoryRecord;
import dev.gmailcli.standin.StandInMailbox.MailThread;
import dev.gmailcli.standin.StandInMailbox.Msg;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Gmail's {@code users.messages.list} (search per message, newest first) and {@code
 * users.history.list} ({@code messageAdded} records of the messages a test delivered; 404 for a
 * {@code startHistoryId} older than the history the mailbox keeps).
 */
final class StandInHistory {
  private record Found(String id, String threadId, Msg message) {}

  private final StandInMailbox mailbox;
  private volatile Duration historyDelay = Duration.ZERO;

  StandInHistory(StandInMailbox mailbox) {
    this.mailbox = mailbox;
  }

  /** Every history.list answer comes this much later. */
  void delayHistory(Duration delay) {
    historyDelay = delay;
  }

  Resp messages(Req r, boolean metadataOnly) {
    String q = r.param("q");
    if (metadataOnly && q != null && !q.isEmpty()) {
      return GmailEndpoints.error(
          403, "Metadata scope does not support 'q' parameter", "forbidden", "PERMISSION_DENIED");
    }
    int pageSize = pageSize(r, 100);
    if (pageSize < 0) {
      return GmailEndpoints.invalidValue("max_results", "TYPE_UINT32", r.param("maxResults"));
    }
    List<String> labelIds = r.params("labelIds");
    for (String id : labelIds) {
      if (!mailbox.hasLabel(id)) {
        return GmailEndpoints.error(
            400, "Invalid label: " + id, "invalidArgument", "INVALID_ARGUMENT");
      }
    }
    int offset = offset(r);
    if (offset < 0) {
      return GmailEndpoints.error(400, "Invalid pageToken", "invalidArgument", "INVALID_ARGUMENT");
    }
    StandInSearch.Parsed parsed = StandInSearch.parse(q, mailbox.labels());
    boolean spamTrash =
        Boolean.parseBoolean(r.param("includeSpamTrash"))
            || parsed.reachesSpamTrash()
            || labelIds.contains("SPAM")
            || labelIds.contains("TRASH");
    List<Found> matching = new ArrayList<>();
    for (MailThread t : mailbox.threads()) {
      for (int i = 0; i < t.messages().size(); i++) {
        Msg m = t.messages().get(i);
        boolean hidden = m.labelIds().contains("SPAM") || m.labelIds().contains("TRASH");
        if (m.labelIds().containsAll(labelIds)
            && (spamTrash || !hidden)
            && parsed.message().test(m)) {
          matching.add(new Found(t.messageId(i), t.id(), m));
        }
      }
    }
    matching.sort(Comparator.comparing((Found f) -> f.message().internalDate()).reversed());
    JsonObject root = new JsonObject();
    int end = Math.min(matching.size(), offset + pageSize);
    if (offset < end) {
      JsonArray arr = new JsonArray();
      for (Found f : matching.subList(offset, end)) {
        JsonObject o = new JsonObject();
        o.addProperty("id", f.id());
        o.addProperty("threadId", f.threadId());
        arr.add(o);
      }
      root.add("messages", arr);
    }
    if (end < matching.size()) {
      root.addProperty("nextPageToken", GmailEndpoints.encodePageToken(end));
    }
    root.addProperty("resultSizeEstimate", matching.size());
    return GmailEndpoints.ok(root);
  }

  Resp history(Req r) {
    pause();
    String start = r.param("startHistoryId");
    if (start == null || start.isEmpty()) {
      return GmailEndpoints.error(
          400, "Missing required field: startHistoryId", "invalidArgument", "INVALID_ARGUMENT");
    }
    if (!start.matches("\\d{1,18}")) {
      return GmailEndpoints.invalidValue("start_history_id", "TYPE_UINT64", start);
    }
    long startId = Long.parseLong(start);
    if (startId < mailbox.historyKeptFrom()) {
      return GmailEndpoints.error(404, "Requested entity was not found.", "notFound", "NOT_FOUND");
    }
    int pageSize = pageSize(r, 100);
    int offset = offset(r);
    if (pageSize < 0 || offset < 0) {
      return GmailEndpoints.error(
          400, "Invalid maxResults or pageToken", "invalidArgument", "INVALID_ARGUMENT");
    }
    List<String> types = r.params("historyTypes");
    boolean added =
        types.isEmpty()
            || types.stream().anyMatch(t -> t.equals("messageAdded") || t.equals("MESSAGE_ADDED"));
    String labelId = r.param("labelId");
    List<HistoryRecord> records =
        added
            ? mailbox.historyAfter(startId).stream()
                .filter(h -> labelId == null || h.labelIds().contains(labelId))
                .toList()
            : List.of();
    JsonObject root = new JsonObject();
    int end = Math.min(records.size(), offset + pageSize);
    if (offset < end) {
      JsonArray arr = new JsonArray();
      records.subList(offset, end).forEach(h -> arr.add(record(h)));
      root.add("history", arr);
    }
    if (end < records.size()) {
      root.addProperty("nextPageToken", GmailEndpoints.encodePageToken(end));
    }
    root.addProperty("historyId", Long.toString(mailbox.historyId()));
    return GmailEndpoints.ok(root);
  }

  private static JsonObject record(HistoryRecord h) {
    JsonObject message = new JsonObject();
    message.addProperty("id", h.messageId());
    message.addProperty("threadId", h.threadId());
    JsonObject full = message.deepCopy();
    JsonArray labels = new JsonArray();
    h.labelIds().forEach(labels::add);
    full.add("labelIds", labels);
    JsonObject added = new JsonObject();
    added.add("message", full);
    JsonObject o = new JsonObject();
    o.addProperty("id", Long.toString(h.id()));
    JsonArray messages = new JsonArray();
    messages.add(message);
    o.add("messages", messages);
    JsonArray messagesAdded = new JsonArray();
    messagesAdded.add(added);
    o.add("messagesAdded", messagesAdded);
    return o;
  }

  /** maxResults (0 or absent: {@code unset}), at most 500; -1 when not a number. */
  private static int pageSize(Req r, int unset) {
    try {
      long max = r.param("maxResults") == null ? 0 : Long.parseLong(r.param("maxResults"));
      return max < 0 || max > 0xFFFFFFFFL ? -1 : max == 0 ? unset : (int) Math.min(max, 500);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static int offset(Req r) {
    String token = r.param("pageToken");
    return token == null || token.isEmpty() ? 0 : GmailEndpoints.decodePageToken(token);
  }

  private void pause() {
    try {
      Thread.sleep(historyDelay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
