package dev.gmailcli.harness;

import dev.gmailcli.standin.GoogleStandIn;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

/** token.json texts as Python's google-auth writes them, for tokens seeded in a stand-in. */
public final class TokenFixtures {
  public static final String READONLY = "https://www.googleapis.com/auth/gmail.readonly";

  private TokenFixtures() {}

  /**
   * A token.json in Python's exact layout ({@code json.dumps} of {@code to_json}).
   *
   * @param accessToken access token or null
   * @param refreshToken refresh token or null
   * @param expiry expiry or null (written with microseconds when it has a fraction)
   */
  public static String python(
      String accessToken,
      String refreshToken,
      Instant expiry,
      List<String> scopes,
      String tokenUri) {
    StringBuilder json = new StringBuilder("{");
    if (accessToken != null) {
      json.append("\"token\": \"").append(accessToken).append("\", ");
    }
    if (refreshToken != null) {
      json.append("\"refresh_token\": \"").append(refreshToken).append("\", ");
    }
    json.append("\"token_uri\": \"").append(tokenUri).append("\", ");
    json.append("\"client_id\": \"").append(GoogleStandIn.CLIENT_ID).append("\", ");
    json.append("\"client_secret\": \"").append(GoogleStandIn.CLIENT_SECRET).append("\", ");
    json.append("\"scopes\": [")
        .append(scopes.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", ")))
        .append("], ");
    json.append("\"universe_domain\": \"googleapis.com\", \"account\": \"\"");
    if (expiry != null) {
      json.append(", \"expiry\": \"").append(pythonExpiry(expiry)).append("\"");
    }
    return json.append("}").toString();
  }

  /** A Python token.json for a stand-in: a valid access token for the next hour. */
  public static String valid(GoogleStandIn google, Instant now, String... scopes) {
    String[] granted = scopes.length == 0 ? new String[] {READONLY} : scopes;
    return python(
        google.seedAccessToken(granted),
        google.seedRefreshToken(granted),
        now.plusSeconds(3599).plusNanos(123_456_000),
        List.of(granted),
        "https://oauth2.googleapis.com/token");
  }

  /** {@code json} (from this class) recording whose mailbox it opens, as a gmailcli login does. */
  public static String withAccount(String json, String account) {
    return json.replace("\"account\": \"\"", "\"account\": \"" + account + "\"");
  }

  /** A Python token.json for a stand-in whose access token expired an hour ago. */
  public static String expired(GoogleStandIn google, Instant now, String refreshToken) {
    return python(
        "ya29.fake-expired-access-token",
        refreshToken,
        now.minusSeconds(3600),
        List.of(READONLY),
        "https://oauth2.googleapis.com/token");
  }

  /** Python's {@code expiry.isoformat() + "Z"}. */
  public static String pythonExpiry(Instant expiry) {
    Instant micros = expiry.truncatedTo(ChronoUnit.MICROS);
    String text = DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(micros.atOffset(ZoneOffset.UTC));
    if (micros.getNano() != 0 && text.contains(".")) {
      String fraction = text.substring(text.indexOf('.') + 1);
      text = text.substring(0, text.indexOf('.') + 1) + (fraction + "000000").substring(0, 6);
    }
    return text + "Z";
  }
}
