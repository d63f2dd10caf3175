package dev.gmailcli.standin;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Authorization codes, refresh tokens and access tokens the stand-in issued, plus the consent
 * behaviour tests configure. Thread-safe. Every token carries a per-instance nonce so a token from
 * one stand-in is never valid at another.
 */
final class StandInTokens {

  /** What an authorization code remembers from {@code /o/oauth2/auth}. */
  record CodeGrant(
      String challenge,
      String redirectUri,
      List<String> scopes,
      boolean offline,
      boolean promptConsent,
      String account) {}

  private record Refresh(List<String> scopes, String account) {}

  private record Access(
      List<String> scopes, Instant expiresAt, String refreshToken, String account) {}

  private final String nonce = String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
  private final AtomicLong seq = new AtomicLong();
  private final Map<String, CodeGrant> codes = new HashMap<>();
  private final Map<String, Refresh> refreshTokens = new HashMap<>();
  private final Map<String, Access> accessTokens = new HashMap<>();

  volatile boolean declineConsent;
  volatile List<String> consentError; // null, or [error, error_description]
  volatile List<String> grantOnly; // null: grant everything requested
  volatile boolean omitRefreshToken;

  /** Scope sets already consented to with offline access (refresh tokens come on first consent). */
  final Set<String> consentedOffline = ConcurrentHashMap.newKeySet();

  volatile boolean rotateRefreshTokens;
  volatile Duration accessTokenLifetime = Duration.ofSeconds(3599);
  volatile Duration tokenDelay = Duration.ZERO;
  private volatile Duration clockSkew = Duration.ZERO;

  Instant now() {
    return Instant.now().plus(clockSkew);
  }

  void advanceClock(Duration by) {
    clockSkew = clockSkew.plus(by);
  }

  private String next(String prefix) {
    return prefix + nonce + "-" + seq.incrementAndGet();
  }

  synchronized String newCode(CodeGrant grant) {
    String code = next("4/0fake-code-");
    codes.put(code, grant);
    return code;
  }

  /** Removes and returns the grant behind {@code code}: codes are single-use. */
  synchronized CodeGrant takeCode(String code) {
    return codes.remove(code);
  }

  /** The account that consents (and that seeded tokens belong to). */
  volatile String account = "tester@example.com";

  synchronized String newRefreshToken(List<String> scopes) {
    return newRefreshToken(scopes, account);
  }

  synchronized String newRefreshToken(List<String> scopes, String owner) {
    String token = next("1//0fake-refresh-");
    refreshTokens.put(token, new Refresh(List.copyOf(scopes), owner));
    return token;
  }

  /** An access token of {@code owner}'s mailbox, not tied to a refresh token (a JWT grant). */
  synchronized String newAccessTokenFor(String owner, List<String> scopes) {
    String token = next("ya29.fake-access-");
    accessTokens.put(
        token, new Access(List.copyOf(scopes), now().plus(accessTokenLifetime), null, owner));
    return token;
  }

  /** The account whose mailbox an access token opens, or null when it is unknown. */
  synchronized String accountOf(String accessToken) {
    Access a = accessToken == null ? null : accessTokens.get(accessToken);
    return a == null ? null : a.account();
  }

  /** A new access token; {@code refreshToken} (nullable) is the grant it belongs to. */
  synchronized String newAccessToken(List<String> scopes, String refreshToken) {
    String token = next("ya29.fake-access-");
    Refresh grant = refreshToken == null ? null : refreshTokens.get(refreshToken);
    accessTokens.put(
        token,
        new Access(
            List.copyOf(scopes),
            now().plus(accessTokenLifetime),
            refreshToken,
            grant == null ? account : grant.account()));
    return token;
  }

  /** Scopes of a live refresh token, or null when unknown or revoked. */
  synchronized List<String> refreshScopes(String refreshToken) {
    Refresh r = refreshTokens.get(refreshToken);
    return r == null ? null : r.scopes();
  }

  /** Replaces {@code old} by a new refresh token with the same scopes; {@code old} dies. */
  synchronized String rotate(String old) {
    Refresh r = refreshTokens.remove(old);
    String fresh = newRefreshToken(r.scopes(), r.account());
    accessTokens.replaceAll(
        (k, a) ->
            old.equals(a.refreshToken())
                ? new Access(a.scopes(), a.expiresAt(), fresh, a.account())
                : a);
    return fresh;
  }

  /**
   * Revokes a refresh token or an access token together with the grant it belongs to (as Google
   * does: revoking either revokes both). Returns false when unknown or already revoked.
   */
  synchronized boolean revoke(String token) {
    String grant;
    if (refreshTokens.containsKey(token)) {
      grant = token;
    } else if (accessTokens.containsKey(token)) {
      grant = accessTokens.remove(token).refreshToken();
    } else {
      return false;
    }
    if (grant != null) {
      refreshTokens.remove(grant);
      Iterator<Access> it = accessTokens.values().iterator();
      while (it.hasNext()) {
        if (grant.equals(it.next().refreshToken())) {
          it.remove();
        }
      }
    }
    return true;
  }

  /** Scopes of a live (known, unexpired, unrevoked) access token, or null. */
  synchronized List<String> accessScopes(String accessToken) {
    Access a = accessToken == null ? null : accessTokens.get(accessToken);
    if (a == null || !now().isBefore(a.expiresAt())) {
      return null;
    }
    return a.scopes();
  }

  /** Makes every access token issued so far expired. */
  synchronized void expireAccessTokens() {
    Instant past = now().minusSeconds(1);
    accessTokens.replaceAll((k, a) -> new Access(a.scopes(), past, a.refreshToken(), a.account()));
  }

  long expiresInSeconds() {
    return accessTokenLifetime.toSeconds();
  }
}
