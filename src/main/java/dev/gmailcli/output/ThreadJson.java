package dev.gmailcli.output;

import com.google.gson.stream.JsonWriter;
import dev.gmailcli.gmail.ThreadDetails;
import dev.gmailcli.gmail.ThreadSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Writes threads as JSON objects in the Gmail API's field names, strings exactly as Gmail sent them
 * ({@code <}, {@code >}, {@code &}, {@code =} are not escaped).
 */
final class ThreadJson {
  private ThreadJson() {}

  // Gson's JsonWriter formats its escape table with String.format when its class is set up, which
  // starts the JDK's locale data: milliseconds better spent on another thread, ahead.
  static void prepare() {
    writer(Writer.nullWriter(), false);
  }

  static JsonWriter writer(Writer out, boolean pretty) {
    JsonWriter writer = new JsonWriter(out);
    writer.setHtmlSafe(false);
    writer.setSerializeNulls(false);
    if (pretty) {
      writer.setIndent("  ");
    }
    return writer;
  }

  static void write(JsonWriter json, ThreadSummary thread) {
    try {
      json.beginObject();
      json.name("id").value(thread.id());
      json.name("snippet").value(thread.snippet());
      json.name("historyId").value(thread.historyId());
      ThreadDetails details = thread.details();
      if (details != null) {
        json.name("subject").value(details.subject());
        json.name("from").value(details.from());
        json.name("date").value(rfc3339(details.date()));
        json.name("messageCount").value(details.messageCount());
        json.name("labelIds").beginArray();
        for (String label : details.labelIds()) {
          json.value(label);
        }
        json.endArray();
      }
      json.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** RFC 3339 in UTC, to the second; null stays null. */
  static String rfc3339(Instant instant) {
    return instant == null
        ? null
        : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }
}
