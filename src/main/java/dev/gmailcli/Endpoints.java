package dev.gmailcli;

import java.util.Map;

/**
 * Google endpoints gmailcli talks to after login. The refresh endpoint is deliberately never read
 * from token.json: a tampered file must not receive the refresh token and client secret.
 *
 * @param gmailRootUrl Gmail API root, ending in '/'
 * @param tokenUri OAuth token endpoint used for refresh
 * @param revokeUri OAuth revocation endpoint (RFC 7009)
 */
public record Endpoints(String gmailRootUrl, String tokenUri, String revokeUri) {
  public static final String GOOGLE_GMAIL_ROOT = "https://gmail.googleapis.com/";
  public static final String GOOGLE_TOKEN_URI = "https://oauth2.googleapis.com/token";
  public static final String GOOGLE_REVOKE_URI = "https://oauth2.googleapis.com/revoke";

  /** Reads GMAILCLI_GMAIL_ROOT_URL, GMAILCLI_TOKEN_URI and GMAILCLI_REVOKE_URI. */
  public static Endpoints from(Map<String, String> env) {
    String root = nonEmpty(env.get("GMAILCLI_GMAIL_ROOT_URL"), GOOGLE_GMAIL_ROOT);
    if (!root.endsWith("/")) {
      root = root + "/";
    }
    return new Endpoints(
        root,
        nonEmpty(env.get("GMAILCLI_TOKEN_URI"), GOOGLE_TOKEN_URI),
        nonEmpty(env.get("GMAILCLI_REVOKE_URI"), GOOGLE_REVOKE_URI));
  }

  private static String nonEmpty(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.trim();
  }
}
