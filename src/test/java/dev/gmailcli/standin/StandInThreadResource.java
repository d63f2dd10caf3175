package dev.gmailcli.standin;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.gmailcli.standin.StandInMailbox.MailThread;
import dev.gmailcli.standin.StandInMailbox.Msg;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Renders a stored thread in Gmail's {@code users.threads.get} shape. */
final class StandInThreadResource {

  private StandInThreadResource() {}

  /**
   * @param format {@code full}, {@code metadata}, {@code minimal} or {@code raw} (lower case)
   * @param metadataHeaders header names to keep for {@code metadata} (all when empty)
   */
  static JsonObject thread(MailThread t, String format, List<String> metadataHeaders) {
    JsonObject root = new JsonObject();
    root.addProperty("id", t.id());
    root.addProperty("historyId", Long.toString(t.historyId()));
    JsonArray messages = new JsonArray();
    for (int i = 0; i < t.messages().size(); i++) {
      messages.add(message(t, i, format, metadataHeaders));
    }
    root.add("messages", messages);
    return root;
  }

  private static JsonObject message(MailThread t, int index, String format, List<String> wanted) {
    Msg m = t.messages().get(index);
    String id = t.messageId(index);
    JsonObject o = new JsonObject();
    o.addProperty("id", id);
    o.addProperty("threadId", t.id());
    JsonArray labels = new JsonArray();
    m.labelIds().forEach(labels::add);
    o.add("labelIds", labels);
    o.addProperty("snippet", m.snippet());
    o.addProperty("historyId", Long.toString(t.historyId()));
    o.addProperty("internalDate", Long.toString(m.internalDate().toEpochMilli()));
    List<String[]> headers = headers(m, id);
    byte[] body = (m.snippet() + "\r\n").getBytes(StandardCharsets.UTF_8);
    int size =
        body.length + headers.stream().mapToInt(h -> h[0].length() + h[1].length() + 4).sum();
    switch (format) {
      case "metadata" -> {
        JsonObject payload = new JsonObject();
        payload.addProperty("mimeType", "text/plain");
        payload.add("headers", headerArray(headers, wanted));
        o.add("payload", payload);
      }
      case "full" -> {
        JsonObject payload = new JsonObject();
        payload.addProperty("partId", "");
        payload.addProperty("mimeType", "text/plain");
        payload.addProperty("filename", "");
        payload.add("headers", headerArray(headers, List.of()));
        JsonObject bodyJson = new JsonObject();
        bodyJson.addProperty("size", body.length);
        bodyJson.addProperty("data", Base64.getUrlEncoder().encodeToString(body));
        payload.add("body", bodyJson);
        o.add("payload", payload);
      }
      case "raw" -> {
        StringBuilder raw = new StringBuilder();
        headers.forEach(h -> raw.append(h[0]).append(": ").append(h[1]).append("\r\n"));
        raw.append("\r\n").append(m.snippet()).append("\r\n");
        o.addProperty(
            "raw",
            Base64.getUrlEncoder().encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8)));
      }
      default -> {} // minimal: no payload
    }
    o.addProperty("sizeEstimate", size);
    return o;
  }

  private static List<String[]> headers(Msg m, String id) {
    List<String[]> out = new ArrayList<>();
    out.add(new String[] {"MIME-Version", "1.0"});
    if (m.date() != null) {
      out.add(new String[] {"Date", m.date()});
    }
    out.add(new String[] {"Message-ID", "<" + id + "@mail.example.com>"});
    if (m.subject() != null) {
      out.add(new String[] {"Subject", m.subject()});
    }
    if (m.from() != null) {
      out.add(new String[] {"From", m.from()});
    }
    out.add(new String[] {"Content-Type", "text/plain; charset=\"UTF-8\""});
    return out;
  }

  private static JsonArray headerArray(List<String[]> headers, List<String> wanted) {
    JsonArray arr = new JsonArray();
    for (String[] h : headers) {
      if (wanted.isEmpty() || wanted.stream().anyMatch(w -> w.equalsIgnoreCase(h[0]))) {
        JsonObject o = new JsonObject();
        o.addProperty("name", h[0]);
        o.addProperty("value", h[1]);
        arr.add(o);
      }
    }
    return arr;
  }
}
