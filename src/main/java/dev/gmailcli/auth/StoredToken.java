package dev.gmailcli.auth;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A saved login in google-auth's token.json format (Python's {@code Credentials.to_json}), so the
 * same file works in gmailcli and in Python code. Fields gmailcli does not know are kept as they
 * were read and written back unchanged. {@link #toString()} never shows a secret.
 *
 * @param token the access token, or null
 * @param refreshToken the refresh token, or null
 * @param tokenUri the token endpoint recorded at login (informational: refresh never uses it)
 * @param clientId OAuth client id
 * @param clientSecret OAuth client secret
 * @param scopes granted scopes, or null when the file does not say
 * @param universeDomain "googleapis.com" for Google's public cloud
 * @param account the Gmail address, "" when unknown
 * @param expiry when the access token expires (null = treat as expired)
 * @param extras fields gmailcli does not interpret, in file order
 */
public record StoredToken(
    String token,
    String refreshToken,
    String tokenUri,
    String clientId,
    String clientSecret,
    List<String> scopes,
    String universeDomain,
    String account,
    Instant expiry,
    Map<String, JsonElement> extras) {

  static final String LOGIN_TIME = "gmailcli_login_time";

  public StoredToken {
    scopes = scopes == null ? null : List.copyOf(scopes);
    extras = extras == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
  }

  /** The token after a refresh: new access token and expiry, refresh token and scopes if sent. */
  public StoredToken refreshed(
      String newToken, Instant newExpiry, String newRefreshToken, List<String> grantedScopes) {
    return new StoredToken(
        newToken,
        newRefreshToken != null && !newRefreshToken.isBlank() ? newRefreshToken : refreshToken,
        tokenUri,
        clientId,
        clientSecret,
        grantedScopes != null && !grantedScopes.isEmpty() ? grantedScopes : scopes,
        universeDomain,
        account,
        newExpiry,
        extras);
  }

  /** The same token with the account's email address recorded. */
  public StoredToken withAccount(String email) {
    return new StoredToken(
        token,
        refreshToken,
        tokenUri,
        clientId,
        clientSecret,
        scopes,
        universeDomain,
        email,
        expiry,
        extras);
  }

  /**
   * When the refresh token was obtained ({@code gmailcli_login_time}, which gmailcli writes at
   * login; google-auth ignores it), or null when not recorded.
   */
  public Instant loginTime() {
    JsonElement value = extras.get(LOGIN_TIME);
    if (value == null || !value.isJsonPrimitive()) {
      return null;
    }
    try {
      return Instant.parse(value.getAsString());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The same token with its login time recorded. */
  public StoredToken withLoginTime(Instant when) {
    Map<String, JsonElement> withTime = new LinkedHashMap<>(extras);
    withTime.put(LOGIN_TIME, new JsonPrimitive(when.truncatedTo(ChronoUnit.SECONDS).toString()));
    return new StoredToken(
        token,
        refreshToken,
        tokenUri,
        clientId,
        clientSecret,
        scopes,
        universeDomain,
        account,
        expiry,
        withTime);
  }

  /** True when the file names its scopes and none of {@code anyOf} is among them. */
  public boolean lacksAll(List<String> anyOf) {
    return scopes != null && anyOf.stream().noneMatch(scopes::contains);
  }

  @Override
  public String toString() {
    return "StoredToken[account="
        + account
        + ", clientId="
        + clientId
        + ", scopes="
        + scopes
        + ", expiry="
        + expiry
        + ", token="
        + present(token)
        + ", refreshToken="
        + present(refreshToken)
        + ", clientSecret="
        + present(clientSecret)
        + "]";
  }

  private static String present(String secret) {
    return secret == null ? "absent" : "<redacted>";
  }
}
