package dev.gmailcli.auth;

import com.google.gson.FormattingStyle;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts {@link StoredToken} from and to token.json text: lenient on read (what any version of
 * Python's google-auth writes), exact on write (what it reads back).
 */
public final class TokenJson {
  private static final Set<String> KNOWN =
      Set.of(
          "token",
          "refresh_token",
          "token_uri",
          "client_id",
          "client_secret",
          "scopes",
          "universe_domain",
          "account",
          "expiry");

  private TokenJson() {}

  /** Thrown for text that is not a token.json; the message names what is wrong, never a value. */
  public static final class MalformedTokenException extends Exception {
    MalformedTokenException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Parses token.json text. */
  public static StoredToken parse(String text) throws MalformedTokenException {
    JsonObject object;
    try {
      JsonElement element = JsonParser.parseString(text);
      if (!element.isJsonObject()) {
        throw new MalformedTokenException("it is not a JSON object", null);
      }
      object = element.getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      throw new MalformedTokenException("it is not valid JSON", null);
    }
    Map<String, JsonElement> extras = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
      if (!KNOWN.contains(entry.getKey())) {
        extras.put(entry.getKey(), entry.getValue().deepCopy());
      }
    }
    return new StoredToken(
        string(object, "token"),
        string(object, "refresh_token"),
        string(object, "token_uri"),
        string(object, "client_id"),
        string(object, "client_secret"),
        scopes(object),
        string(object, "universe_domain"),
        string(object, "account"),
        TokenExpiry.parse(string(object, "expiry")),
        extras);
  }

  /**
   * Writes token.json text in google-auth's field order; null fields are left out, except
   * universe_domain and account, which google-auth always writes.
   */
  public static String format(StoredToken token) {
    return pretty(toJson(token)) + "\n";
  }

  static JsonObject toJson(StoredToken token) {
    JsonObject object = new JsonObject();
    put(object, "token", token.token());
    put(object, "refresh_token", token.refreshToken());
    put(object, "token_uri", token.tokenUri());
    put(object, "client_id", token.clientId());
    put(object, "client_secret", token.clientSecret());
    if (token.scopes() != null) {
      JsonArray scopes = new JsonArray();
      token.scopes().forEach(scopes::add);
      object.add("scopes", scopes);
    }
    JsonElement rapt = token.extras().get("rapt_token");
    if (rapt != null) {
      object.add("rapt_token", rapt.deepCopy()); // where google-auth writes it
    }
    // google-auth writes these two even when it read a file without them
    String universe = token.universeDomain();
    put(object, "universe_domain", universe == null ? "googleapis.com" : universe);
    put(object, "account", token.account() == null ? "" : token.account());
    token
        .extras()
        .forEach(
            (name, value) -> {
              if (!name.equals("rapt_token")) {
                object.add(name, value.deepCopy());
              }
            });
    if (token.expiry() != null) {
      object.addProperty("expiry", TokenExpiry.format(token.expiry()));
    }
    return object;
  }

  /**
   * The text {@code new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson}
   * writes, written straight with a {@link JsonWriter}: a Gson instance costs a start-up tens of
   * milliseconds.
   */
  static String pretty(JsonElement element) {
    StringWriter text = new StringWriter();
    JsonWriter writer = new JsonWriter(text);
    writer.setFormattingStyle(FormattingStyle.PRETTY);
    writer.setHtmlSafe(false);
    writer.setSerializeNulls(false);
    writer.setStrictness(Strictness.LENIENT);
    try {
      write(element, writer);
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return text.toString();
  }

  private static void write(JsonElement element, JsonWriter writer) throws IOException {
    if (element == null || element.isJsonNull()) {
      writer.nullValue();
    } else if (element.isJsonPrimitive()) {
      JsonPrimitive primitive = element.getAsJsonPrimitive();
      if (primitive.isNumber()) {
        writer.value(primitive.getAsNumber());
      } else if (primitive.isBoolean()) {
        writer.value(primitive.getAsBoolean());
      } else {
        writer.value(primitive.getAsString());
      }
    } else if (element.isJsonArray()) {
      writer.beginArray();
      for (JsonElement item : element.getAsJsonArray()) {
        write(item, writer);
      }
      writer.endArray();
    } else {
      writer.beginObject();
      for (Map.Entry<String, JsonElement> member : element.getAsJsonObject().entrySet()) {
        writer.name(member.getKey());
        write(member.getValue(), writer);
      }
      writer.endObject();
    }
  }

  private static List<String> scopes(JsonObject object) throws MalformedTokenException {
    JsonElement value = object.get("scopes");
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
      if (value.getAsString().isBlank()) {
        return null;
      }
      return Arrays.stream(value.getAsString().trim().split("\\s+"))
          .filter(s -> !s.isEmpty())
          .toList();
    }
    if (value.isJsonArray()) {
      List<String> scopes = new ArrayList<>();
      for (JsonElement item : value.getAsJsonArray()) {
        if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
          throw new MalformedTokenException("its \"scopes\" list holds a non-string", null);
        }
        scopes.add(item.getAsString());
      }
      return scopes;
    }
    throw new MalformedTokenException("its \"scopes\" is neither a list nor a string", null);
  }

  private static String string(JsonObject object, String name) throws MalformedTokenException {
    JsonElement value = object.get(name);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
      throw new MalformedTokenException("its \"" + name + "\" is not a string", null);
    }
    return value.getAsString();
  }

  private static void put(JsonObject object, String name, String value) {
    if (value != null) {
      object.add(name, new JsonPrimitive(value));
    }
  }
}
