package dev.gmailcli.auth;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.IOException;
import java.io.Reader;

/**
 * The fields gmailcli uses of a token endpoint's answer (RFC 6749 section 5.1), read with a
 * streaming reader; the others (token_type, id_token…) are skipped.
 *
 * @param accessToken the new access token, or null when the answer had none
 * @param expiresIn its lifetime in seconds, or null
 * @param refreshToken a rotated refresh token, or null when the old one stays
 * @param scope the granted scopes, space-separated, or null
 */
record TokenResponseJson(String accessToken, Long expiresIn, String refreshToken, String scope) {

  /**
   * @throws IOException when the answer is not a JSON object of that shape (the endpoint, or
   *     something in between, answered with something else: worth another attempt)
   */
  static TokenResponseJson read(Reader json) throws IOException {
    try (JsonReader reader = new JsonReader(json)) {
      try {
        return read(reader);
      } catch (IllegalStateException | NumberFormatException | MalformedJsonException e) {
        throw new IOException(
            "the token endpoint's answer is not the JSON object OAuth 2.0 specifies (at "
                + reader.getPath()
                + ")",
            e);
      }
    }
  }

  private static TokenResponseJson read(JsonReader reader) throws IOException {
    String accessToken = null;
    Long expiresIn = null;
    String refreshToken = null;
    String scope = null;
    reader.beginObject();
    while (reader.hasNext()) {
      String name = reader.nextName();
      if (reader.peek() == JsonToken.NULL) {
        reader.nextNull();
        continue;
      }
      switch (name) {
        case "access_token" -> accessToken = reader.nextString();
        case "expires_in" -> expiresIn = reader.nextLong();
        case "refresh_token" -> refreshToken = reader.nextString();
        case "scope" -> scope = reader.nextString();
        default -> reader.skipValue();
      }
    }
    reader.endObject();
    return new TokenResponseJson(accessToken, expiresIn, refreshToken, scope);
  }

  @Override
  public String toString() {
    return "TokenResponseJson[<redacted>]";
  }
}
