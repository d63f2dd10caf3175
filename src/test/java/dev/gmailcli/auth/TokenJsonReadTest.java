package dev.gmailcli.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading token.json as the various versions of Python's google-auth write it. */
class TokenJsonReadTest {

  /** What google-auth's {@code Credentials.to_json()} writes (json.dumps, one line). */
  static final String PYTHON_SAMPLE =
      "{\"token\": \"fake-access-token\", \"refresh_token\": \"fake-refresh-token\","
          + " \"token_uri\": \"https://oauth2.googleapis.com/token\","
          + " \"client_id\": \"fake-client.apps.googleusercontent.com\","
          + " \"client_secret\": \"fake-client-secret\","
          + " \"scopes\": [\"https://www.googleapis.com/auth/gmail.readonly\"],"
          + " \"universe_domain\": \"googleapis.com\", \"account\": \"\","
          + " \"expiry\": \"2025-10-20T09:18:16.123456Z\"}";

  @Test
  void blankExpiryAndScopes_countAsMissing_likeGoogleAuth() throws Exception {
    StoredToken token =
        TokenJson.parse("{\"token\": \"fake\", \"expiry\": \"\", \"scopes\": \"\"}");

    assertThat(token.expiry()).isNull();
    assertThat(token.scopes()).isNull();
  }

  @Test
  void pythonSample_readsEveryField() throws Exception {
    StoredToken token = TokenJson.parse(PYTHON_SAMPLE);

    assertThat(token.token()).isEqualTo("fake-access-token");
    assertThat(token.refreshToken()).isEqualTo("fake-refresh-token");
    assertThat(token.tokenUri()).isEqualTo("https://oauth2.googleapis.com/token");
    assertThat(token.clientId()).isEqualTo("fake-client.apps.googleusercontent.com");
    assertThat(token.clientSecret()).isEqualTo("fake-client-secret");
    assertThat(token.scopes()).containsExactly("https://www.googleapis.com/auth/gmail.readonly");
    assertThat(token.universeDomain()).isEqualTo("googleapis.com");
    assertThat(token.extras()).isEmpty();
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "2025-10-20T09:18:16.123456Z, 2025-10-20T09:18:16.123456Z", // microseconds
    "2025-10-20T09:18:16Z,        2025-10-20T09:18:16Z", // no fraction
    "2025-10-20T09:18:16.5,       2025-10-20T09:18:16.500Z", // naive: taken as UTC
    "2025-10-20T11:18:16+02:00,   2025-10-20T09:18:16Z", // an offset: converted to UTC
  })
  void expiry_isReadInEveryFormGoogleAuthWrites(String written, Instant expected) throws Exception {
    StoredToken token = TokenJson.parse("{\"expiry\": \"" + written + "\"}");

    assertThat(token.expiry()).isEqualTo(expected);
  }

  @Test
  void missingOrNullExpiry_isNull() throws Exception {
    assertThat(TokenJson.parse("{\"token\": \"fake-access-token\"}").expiry()).isNull();
    assertThat(TokenJson.parse("{\"expiry\": null}").expiry()).isNull();
  }

  @Test
  void scopesAsSpaceSeparatedString_areSplit() throws Exception {
    StoredToken token =
        TokenJson.parse("{\"scopes\": \" openid  https://mail.google.com/\\thttps://x/y \"}");

    assertThat(token.scopes()).containsExactly("openid", "https://mail.google.com/", "https://x/y");
  }

  @Test
  void scopesAsList_keepOrder() throws Exception {
    StoredToken token = TokenJson.parse("{\"scopes\": [\"b\", \"a\", \"c\"]}");

    assertThat(token.scopes()).containsExactly("b", "a", "c");
  }

  @Test
  void missingScopes_isNullNotEmpty() throws Exception {
    assertThat(TokenJson.parse("{}").scopes()).isNull();
  }

  @Test
  void emptyAccount_staysEmptyString() throws Exception {
    assertThat(TokenJson.parse("{\"account\": \"\"}").account()).isEmpty();
  }

  @Test
  void unknownFields_areKeptInFileOrder() throws Exception {
    StoredToken token =
        TokenJson.parse(
            "{\"rapt_token\": \"fake-rapt\", \"token\": \"t\", \"custom\": {\"a\": 1},"
                + " \"trust_boundary\": null}");

    assertThat(token.extras().keySet()).containsExactly("rapt_token", "custom", "trust_boundary");
    assertThat(token.extras().get("custom")).isEqualTo(JsonParser.parseString("{\"a\": 1}"));
    assertThat(token.extras().get("rapt_token").getAsString()).isEqualTo("fake-rapt");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\u0000',
      value = {
        "not json at all {                                | not valid JSON",
        "[\"fake-access-token\"]                          | not a JSON object",
        "\"fake-access-token\"                            | not a JSON object",
        "{\"scopes\": {\"fake-scope-value\": 1}}          | \"scopes\"",
        "{\"scopes\": [\"a\", 17]}                        | \"scopes\"",
        "{\"token\": 4242424242}                          | \"token\"",
        "{\"refresh_token\": {\"v\": \"fake-refresh\"}}   | \"refresh_token\"",
        "{\"client_secret\": [\"fake-secret-x\"]}         | \"client_secret\"",
        "{\"expiry\": \"fake-expiry-not-a-date\"}         | \"expiry\"",
        "{\"expiry\": \"2025-13-45T99:00:00Z\"}           | \"expiry\"",
        "{\"expiry\": 1760951896}                         | \"expiry\"",
      })
  void malformedInput_namesTheProblemButNotTheValue(String text, String mentioned) {
    assertThatThrownBy(() -> TokenJson.parse(text.trim()))
        .isInstanceOf(TokenJson.MalformedTokenException.class)
        .hasMessageContaining(mentioned.trim())
        .message()
        .doesNotContain("fake-", "4242424242", "1760951896", "2025-13-45");
  }

  @Test
  void emptyText_isMalformed() {
    assertThatThrownBy(() -> TokenJson.parse(""))
        .isInstanceOf(TokenJson.MalformedTokenException.class);
  }

  @Test
  void scopesNull_isTreatedAsAbsent() throws Exception {
    assertThat(TokenJson.parse("{\"scopes\": null}").scopes()).isNull();
    assertThat(TokenJson.parse("{\"scopes\": []}").scopes()).isEqualTo(List.of());
  }
}
