package dev.gmailcli.auth;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
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
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

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
        expiry(string(object, "expiry")),
        extras);
  }

  /**
   * Writes token.json text in google-auth's field order; null fields are left out, except
   * universe_domain and account, which google-auth always writes.
   */
  public static String format(StoredToken token) {
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
      object.addProperty("expiry", formatExpiry(token.expiry()));
    }
    return Writer.GSON.toJson(object) + "\n";
  }

  // A Gson instance loads some hundred classes: made only when a run writes token.json, which most
  // runs (a valid login) never do.
  private static final class Writer {
    static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
  }

  /** Python's {@code expiry.isoformat() + "Z"}: microseconds only when there are any. */
  static String formatExpiry(Instant expiry) {
    LocalDateTime utc =
        LocalDateTime.ofInstant(expiry.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    return (utc.getNano() == 0 ? SECONDS : MICROS).format(utc) + "Z";
  }

  /** Accepts seconds with or without a fraction, with Z, an offset, or naive (taken as UTC). */
  static Instant expiry(String text) throws MalformedTokenException {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.trim();
    try {
      if (value.endsWith("Z") || value.endsWith("z")) {
        value = value.substring(0, value.length() - 1);
      } else if (value.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return OffsetDateTime.parse(value.replace(' ', 'T')).toInstant();
      }
      return LocalDateTime.parse(value.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new MalformedTokenException("its \"expiry\" is not a date and time", null);
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
