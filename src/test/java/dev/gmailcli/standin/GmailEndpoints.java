package dev.gmailcli.standin;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.gmailcli.standin.StandInHttp.Req;
import dev.gmailcli.standin.StandInHttp.Resp;
import dev.gmailcli.standin.StandInMailbox.Label;
import dev.gmailcli.standin.StandInMailbox.MailThread;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Gmail v1 read endpoints: profile, threads.list, threads.get, labels.list; messages.list and
 * history.list through {@link StandInHistory}.
 */
final class GmailEndpoints {

  static final String FULL = "https://mail.google.com/";
  static final String MODIFY = "https://www.googleapis.com/auth/gmail.modify";
  static final String READONLY = "https://www.googleapis.com/auth/gmail.readonly";
  static final String METADATA = "https://www.googleapis.com/auth/gmail.metadata";
  static final String COMPOSE = "https://www.googleapis.com/auth/gmail.compose";
  static final String LABELS = "https://www.googleapis.com/auth/gmail.labels";

  private static final Set<String> THREAD_SCOPES = Set.of(FULL, MODIFY, READONLY, METADATA);
  private static final Set<String> PROFILE_SCOPES =
      Set.of(FULL, MODIFY, READONLY, METADATA, COMPOSE);
  private static final Set<String> LABEL_SCOPES = Set.of(FULL, MODIFY, READONLY, METADATA, LABELS);
  private static final String PAGE_PREFIX = "standin-page:";

  private final StandInTokens tokens;
  private final StandInMailbox mailbox;
  private final Supplier<String> email;
  private final StandInHistory history;

  GmailEndpoints(StandInTokens tokens, StandInMailbox mailbox, Supplier<String> email) {
    this.tokens = tokens;
    this.mailbox = mailbox;
    this.email = email;
    this.history = new StandInHistory(mailbox);
  }

  /** messages.list and history.list. */
  StandInHistory history() {
    return history;
  }

  /** Serves {@code kind} for user {@code userId}; {@code threadId} only for threads.get. */
  Resp handle(String kind, String userId, String threadId, Req r) {
    Set<String> allowed =
        switch (kind) {
          case "profile" -> PROFILE_SCOPES;
          case "labels.list" -> LABEL_SCOPES;
          default -> THREAD_SCOPES;
        };
    GmailAuth auth = GmailAuth.check(r, tokens, allowed, kind);
    if (auth.error() != null) {
      return auth.error();
    }
    String account = mailboxFor(auth.account());
    if (!userId.equals("me") && !userId.equalsIgnoreCase(account)) {
      return error(403, "Delegation denied for " + userId, "forbidden", "PERMISSION_DENIED");
    }
    return switch (kind) {
      case "profile" -> profile(account);
      case "labels.list" -> labels();
      case "threads.list" -> list(r, auth.metadataOnly());
      case "messages.list" -> history.messages(r, auth.metadataOnly());
      case "history.list" -> history.history(r);
      default -> get(threadId, r, auth.metadataOnly());
    };
  }

  // Tests may make Gmail answer for another mailbox than the token's (a delegation ignored).
  private String mailboxFor(String tokenAccount) {
    String override = email.get();
    return override != null ? override : tokenAccount;
  }

  private Resp profile(String account) {
    JsonObject o = new JsonObject();
    o.addProperty("emailAddress", account);
    o.addProperty("messagesTotal", mailbox.messageCount());
    o.addProperty("threadsTotal", mailbox.size());
    o.addProperty("historyId", Long.toString(mailbox.historyId()));
    return ok(o);
  }

  private Resp labels() {
    JsonArray arr = new JsonArray();
    for (Label l : mailbox.labels()) {
      JsonObject o = new JsonObject();
      o.addProperty("id", l.id());
      o.addProperty("name", l.name());
      if (l.type().equals("user")) {
        o.addProperty("messageListVisibility", "show");
        o.addProperty("labelListVisibility", "labelShow");
      }
      o.addProperty("type", l.type());
      arr.add(o);
    }
    JsonObject root = new JsonObject();
    root.add("labels", arr);
    return ok(root);
  }

  private Resp list(Req r, boolean metadataOnly) {
    String q = r.param("q");
    if (metadataOnly && q != null && !q.isEmpty()) {
      return error(
          403, "Metadata scope does not support 'q' parameter", "forbidden", "PERMISSION_DENIED");
    }
    long max;
    try {
      max = r.param("maxResults") == null ? 0 : Long.parseLong(r.param("maxResults"));
    } catch (NumberFormatException e) {
      max = -1;
    }
    if (max < 0 || max > 0xFFFFFFFFL) {
      return invalidValue("max_results", "TYPE_UINT32", r.param("maxResults"));
    }
    int pageSize = max == 0 ? 100 : (int) Math.min(max, 500); // proto3: 0 == unset == default
    String spamTrashParam = r.param("includeSpamTrash");
    if (spamTrashParam != null && !spamTrashParam.matches("(?i)true|false")) {
      return invalidValue("include_spam_trash", "TYPE_BOOL", spamTrashParam);
    }
    List<String> labelIds = r.params("labelIds");
    for (String id : labelIds) {
      if (!mailbox.hasLabel(id)) {
        return error(400, "Invalid label: " + id, "invalidArgument", "INVALID_ARGUMENT");
      }
    }
    int offset = 0;
    String pageToken = r.param("pageToken");
    if (pageToken != null && !pageToken.isEmpty()) {
      offset = decodePageToken(pageToken);
      if (offset < 0) {
        return error(400, "Invalid pageToken", "invalidArgument", "INVALID_ARGUMENT");
      }
    }
    StandInSearch.Parsed parsed = StandInSearch.parse(q, mailbox.labels());
    boolean spamTrash =
        Boolean.parseBoolean(spamTrashParam)
            || parsed.reachesSpamTrash()
            || labelIds.contains("SPAM")
            || labelIds.contains("TRASH");
    List<MailThread> matching = new ArrayList<>();
    for (MailThread t : mailbox.threads()) {
      if (!t.labelIds().containsAll(labelIds)) {
        continue;
      }
      if (!spamTrash && (t.labelIds().contains("SPAM") || t.labelIds().contains("TRASH"))) {
        continue;
      }
      if (parsed.matches().test(t)) {
        matching.add(t);
      }
    }
    JsonObject root = new JsonObject();
    int end = Math.min(matching.size(), offset + pageSize);
    if (offset < end) {
      JsonArray arr = new JsonArray();
      for (MailThread t : matching.subList(offset, end)) {
        JsonObject o = new JsonObject();
        o.addProperty("id", t.id());
        o.addProperty("snippet", t.snippet());
        o.addProperty("historyId", Long.toString(t.historyId()));
        arr.add(o);
      }
      root.add("threads", arr);
    }
    if (end < matching.size()) {
      root.addProperty("nextPageToken", encodePageToken(end));
    }
    root.addProperty("resultSizeEstimate", matching.size());
    return ok(root);
  }

  private Resp get(String threadId, Req r, boolean metadataOnly) {
    String format = r.param("format") == null ? "full" : r.param("format");
    if (!format.matches("(?i)full|metadata|minimal|raw")) {
      return invalidValue("format", "type.googleapis.com/caribou.api.proto.MessageFormat", format);
    }
    if (metadataOnly && format.matches("(?i)full|raw")) {
      return error(
          403,
          "Metadata scope doesn't allow format " + format.toUpperCase(Locale.ROOT),
          "forbidden",
          "PERMISSION_DENIED");
    }
    MailThread t = mailbox.thread(threadId).orElse(null);
    if (t == null) {
      return error(404, "Requested entity was not found.", "notFound", "NOT_FOUND");
    }
    return ok(
        StandInThreadResource.thread(
            t, format.toLowerCase(Locale.ROOT), r.params("metadataHeaders")));
  }

  static String encodePageToken(int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PAGE_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
  }

  /** Offset encoded in a page token, or -1 when it is not one of ours. */
  static int decodePageToken(String token) {
    try {
      String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      return s.startsWith(PAGE_PREFIX) ? Integer.parseInt(s.substring(PAGE_PREFIX.length())) : -1;
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  static Resp invalidValue(String field, String type, String value) {
    String message = "Invalid value at '" + field + "' (" + type + "), \"" + value + "\"";
    return error(400, message, "invalid", "INVALID_ARGUMENT");
  }

  static Resp error(int code, String message, String reason, String status) {
    return Resp.json(
        code,
        StandInJson.pretty(GoogleErrors.apiErrorObject(code, message, reason, status, "global")));
  }

  static Resp ok(JsonObject o) {
    return Resp.json(200, StandInJson.pretty(o)).withHeader("Vary", "Origin, X-Origin, Referer");
  }
}
