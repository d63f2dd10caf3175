package dev.gmailcli.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Writing token.json the way google-auth for Python writes and reads it back. */
class TokenJsonWriteTest {

  private static StoredToken full(Instant expiry, Map<String, JsonElement> extras) {
    return new StoredToken(
        "fake-access-token",
        "fake-refresh-token",
        "https://oauth2.googleapis.com/token",
        "fake-client.apps.googleusercontent.com",
        "fake-client-secret",
        List.of("https://www.googleapis.com/auth/gmail.readonly"),
        "googleapis.com",
        "jane@example.com",
        expiry,
        extras);
  }

  private static JsonObject written(StoredToken token) {
    return JsonParser.parseString(TokenJson.format(token)).getAsJsonObject();
  }

  @Test
  void fields_comeInGoogleAuthOrder_raptTokenInItsPlace_otherExtrasBeforeExpiry() {
    Map<String, JsonElement> extras = new LinkedHashMap<>();
    extras.put("rapt_token", new JsonPrimitive("fake-rapt"));
    extras.put("custom", JsonParser.parseString("{\"a\": 1}"));

    JsonObject json = written(full(Instant.parse("2025-10-20T09:18:16Z"), extras));

    assertThat(json.keySet())
        .containsExactly(
            "token",
            "refresh_token",
            "token_uri",
            "client_id",
            "client_secret",
            "scopes",
            "rapt_token",
            "universe_domain",
            "account",
            "custom",
            "expiry");
    assertThat(json.get("scopes").isJsonArray()).isTrue();
    assertThat(json.get("custom")).isEqualTo(JsonParser.parseString("{\"a\": 1}"));
  }

  @Test
  void nullFields_areLeftOut_butUniverseDomainAndAccountAreAlwaysWritten_likeGoogleAuth() {
    StoredToken sparse =
        new StoredToken("fake-access-token", null, null, "id", null, null, null, null, null, null);

    JsonObject json = written(sparse);

    assertThat(json.keySet()).containsExactly("token", "client_id", "universe_domain", "account");
    assertThat(json.get("universe_domain").getAsString()).isEqualTo("googleapis.com");
    assertThat(json.get("account").getAsString()).isEmpty();
  }

  @Test
  void emptyAccount_isWrittenAsEmptyString() {
    StoredToken token = full(null, null).withAccount("");

    assertThat(written(token).get("account").getAsString()).isEmpty();
  }

  @Test
  void expiryWithoutFraction_hasNoMicroseconds() {
    JsonObject json = written(full(Instant.parse("2025-10-20T09:18:16Z"), null));

    assertThat(json.get("expiry").getAsString()).isEqualTo("2025-10-20T09:18:16Z");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "2025-10-20T09:18:16.123456Z,    2025-10-20T09:18:16.123456Z", // six digits, like isoformat
    "2025-10-20T09:18:16.5Z,         2025-10-20T09:18:16.500000Z",
    "2025-10-20T09:18:16.123456789Z, 2025-10-20T09:18:16.123456Z", // nanoseconds truncated
    "2025-10-20T09:18:16.000000900Z, 2025-10-20T09:18:16Z",
  })
  void expiryWithFraction_hasSixDigits_likePythonIsoformat(Instant expiry, String written) {
    assertThat(TokenExpiry.format(expiry)).isEqualTo(written);
  }

  @Test
  void htmlCharacters_areNotEscaped() {
    StoredToken token =
        new StoredToken("a<b>&c=d'e", null, null, null, null, null, null, null, null, null);

    String text = TokenJson.format(token);

    assertThat(text).contains("\"a<b>&c=d'e\"").doesNotContain("\\u003c", "\\u0026", "\\u003d");
  }

  @Test
  void output_isPrettyPrintedAndEndsWithNewline() {
    StoredToken token =
        new StoredToken(
            "fake-access-token", null, null, null, null, List.of("s1", "s2"), null, "", null, null);

    assertThat(TokenJson.format(token))
        .isEqualTo(
            "{\n  \"token\": \"fake-access-token\",\n  \"scopes\": [\n    \"s1\",\n    \"s2\"\n"
                + "  ],\n  \"universe_domain\": \"googleapis.com\",\n  \"account\": \"\"\n}\n");
  }

  @Test
  void pythonSample_roundTripsToTheSameJson() throws Exception {
    String python = TokenJsonReadTest.PYTHON_SAMPLE;

    String written = TokenJson.format(TokenJson.parse(python));

    assertThat(JsonParser.parseString(written)).isEqualTo(JsonParser.parseString(python));
  }

  @Test
  void unknownFields_surviveReadAndWrite() throws Exception {
    String python =
        "{\"token\": \"fake-access-token\", \"rapt_token\": \"fake-rapt\","
            + " \"custom\": {\"a\": 1, \"b\": [true, null]}, \"expiry\": \"2025-10-20T09:18:16Z\"}";

    JsonObject json = written(TokenJson.parse(python));

    assertThat(json.get("rapt_token").getAsString()).isEqualTo("fake-rapt");
    assertThat(json.get("custom"))
        .isEqualTo(JsonParser.parseString("{\"a\": 1, \"b\": [true, null]}"));
    assertThat(json.keySet())
        .containsExactly("token", "rapt_token", "universe_domain", "account", "custom", "expiry");
  }

  @Test
  void writtenToken_readsBackEqual() throws Exception {
    Map<String, JsonElement> extras = new LinkedHashMap<>();
    extras.put("rapt_token", new JsonPrimitive("fake-rapt"));
    StoredToken original = full(Instant.parse("2025-10-20T09:18:16.123456Z"), extras);

    StoredToken reread = TokenJson.parse(TokenJson.format(original));

    assertThat(reread).isEqualTo(original);
  }

  @Test
  void scopesReadFromString_areWrittenAsList() throws Exception {
    StoredToken token = TokenJson.parse("{\"scopes\": \"a b\"}");

    assertThat(written(token).get("scopes")).isEqualTo(JsonParser.parseString("[\"a\", \"b\"]"));
  }
}
