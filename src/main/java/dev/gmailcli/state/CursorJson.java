package dev.gmailcli.state;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** A cursor file's text: a small JSON object, the filter spelled out for a person who looks. */
public final class CursorJson {
  private CursorJson() {}

  /** A cursor file that cannot be used; the message says why. */
  static final class MalformedCursorException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedCursorException(String message) {
      super(message);
    }
  }

  static String format(Cursor cursor) {
    StringWriter text = new StringWriter();
    try (JsonWriter json = new JsonWriter(text)) {
      json.setIndent("  ");
      json.setHtmlSafe(false);
      CursorKey key = cursor.key();
      json.beginObject();
      if (key.name() != null) {
        json.name("cursor").value(key.name());
      }
      writeFilterAndPlace(json, cursor);
      json.name("lastRun").value(cursor.lastRun().toString());
      json.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text + "\n";
  }

  /**
   * Writes a cursor's account, filter (query, labels, includeSpamTrash) and place (historyId) as
   * members of the JSON object being written: in its file, and in {@code status --format json}.
   */
  public static void writeFilterAndPlace(JsonWriter json, Cursor cursor) throws IOException {
    CursorKey key = cursor.key();
    json.name("account").value(key.account());
    json.name("query").value(key.query());
    json.name("labels").beginArray();
    for (String label : key.labels()) {
      json.value(label);
    }
    json.endArray();
    json.name("includeSpamTrash").value(key.includeSpamTrash());
    json.name("historyId").value(cursor.historyId());
  }

  static Cursor parse(String text) throws MalformedCursorException {
    JsonObject root;
    try {
      JsonElement parsed = JsonParser.parseString(text);
      if (!parsed.isJsonObject()) {
        throw new MalformedCursorException("it is not a JSON object");
      }
      root = parsed.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new MalformedCursorException("it is not valid JSON");
    }
    List<String> labels = new ArrayList<>();
    JsonElement labelArray = root.get("labels");
    if (labelArray != null && labelArray.isJsonArray()) {
      for (JsonElement label : (JsonArray) labelArray) {
        labels.add(string(label, "labels"));
      }
    }
    String name = optional(root, "cursor");
    if (name != null && !CursorKey.validName(name)) {
      throw new MalformedCursorException("its \"cursor\" is not a cursor name");
    }
    String historyId = required(root, "historyId");
    if (!historyId.matches("\\d{1,30}")) {
      throw new MalformedCursorException("its \"historyId\" is not a Gmail history id");
    }
    Instant lastRun;
    try {
      lastRun = Instant.parse(required(root, "lastRun"));
    } catch (DateTimeParseException e) {
      throw new MalformedCursorException("its \"lastRun\" is not a time");
    }
    JsonElement spamTrash = root.get("includeSpamTrash");
    CursorKey key =
        new CursorKey(
            name,
            optional(root, "account"),
            optional(root, "query"),
            labels,
            spamTrash != null && spamTrash.isJsonPrimitive() && spamTrash.getAsBoolean());
    return new Cursor(key, historyId, lastRun);
  }

  private static String required(JsonObject root, String field) throws MalformedCursorException {
    String value = optional(root, field);
    if (value == null) {
      throw new MalformedCursorException("it has no \"" + field + "\"");
    }
    return value;
  }

  private static String optional(JsonObject root, String field) throws MalformedCursorException {
    JsonElement value = root.get(field);
    return value == null || value.isJsonNull() ? null : string(value, field);
  }

  private static String string(JsonElement value, String field) throws MalformedCursorException {
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
      throw new MalformedCursorException("its \"" + field + "\" is not a string");
    }
    return value.getAsString();
  }
}
