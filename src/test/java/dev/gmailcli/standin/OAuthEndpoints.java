package dev.gmailcli.standin;

import com.google.gson.JsonObject;
import dev.gmailcli.standin.StandInHttp.Req;
import dev.gmailcli.standin.StandInHttp.Resp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** {@code /o/oauth2/auth}, {@code /token} and {@code /revoke}, as Google's OAuth servers behave. */
final class OAuthEndpoints {

  private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");

  static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
  static final String GOOGLE_TOKEN_URI = "https://oauth2.googleapis.com/token";

  private final StandInTokens tokens;
  private final StandInServiceAccounts serviceAccounts;
  private final Supplier<String> tokenUri;

  OAuthEndpoints(
      StandInTokens tokens, StandInServiceAccounts serviceAccounts, Supplier<String> tokenUri) {
    this.tokens = tokens;
    this.serviceAccounts = serviceAccounts;
    this.tokenUri = tokenUri;
  }

  /** Consent screen: validates the request, then redirects to the loopback redirect_uri. */
  Resp authorize(Req r) {
    String redirectUri = r.param("redirect_uri");
    String problem = authProblem(r, redirectUri);
    if (problem != null) {
      return Resp.text(
          400,
          "<!doctype html><title>Error 400: invalid_request</title>"
              + "<h1>Access blocked: Authorization Error</h1><p>"
              + problem.replace("<", "&lt;")
              + "</p><p>Error 400: invalid_request</p>\n");
    }
    String state = r.param("state");
    String sep = redirectUri.contains("?") ? "&" : "?";
    String stateParam = state == null ? "" : "&state=" + pct(state);
    List<String> requested = splitScopes(r.param("scope"));
    List<String> granted = new ArrayList<>(requested);
    List<String> only = tokens.grantOnly;
    if (only != null) {
      granted.retainAll(only);
    }
    List<String> refusal = tokens.consentError;
    if (refusal != null) {
      return Resp.redirect(
          redirectUri
              + sep
              + "error="
              + pct(refusal.get(0))
              + "&error_description="
              + pct(refusal.get(1))
              + stateParam);
    }
    if (tokens.declineConsent || granted.isEmpty()) {
      return Resp.redirect(redirectUri + sep + "error=access_denied" + stateParam);
    }
    String code =
        tokens.newCode(
            new StandInTokens.CodeGrant(
                r.param("code_challenge"),
                redirectUri,
                granted,
                "offline".equals(r.param("access_type")),
                splitScopes(r.param("prompt")).contains("consent"),
                tokens.account));
    return Resp.redirect(
        redirectUri
            + sep
            + "code="
            + pct(code)
            + stateParam
            + "&scope="
            + pct(String.join(" ", granted)));
  }

  private static String authProblem(Req r, String redirectUri) {
    if (!GoogleStandIn.CLIENT_ID.equals(r.param("client_id"))) {
      return "The OAuth client was not found (client_id=" + r.param("client_id") + ").";
    }
    if (!"code".equals(r.param("response_type"))) {
      return "Unsupported response_type: " + r.param("response_type");
    }
    if (redirectUri == null || !isLoopback(redirectUri)) {
      return "redirect_uri must be a loopback http URL, got: " + redirectUri;
    }
    if (splitScopes(r.param("scope")).isEmpty()) {
      return "Missing required parameter: scope";
    }
    String challenge = r.param("code_challenge");
    if (challenge == null || !challenge.matches("[A-Za-z0-9._~-]{43,128}")) {
      return "Missing or malformed code_challenge: " + challenge;
    }
    if (!"S256".equals(r.param("code_challenge_method"))) {
      return "code_challenge_method must be S256, got: " + r.param("code_challenge_method");
    }
    return null;
  }

  private static boolean isLoopback(String uri) {
    try {
      URI u = new URI(uri);
      return "http".equals(u.getScheme())
          && u.getHost() != null
          && LOOPBACK_HOSTS.contains(u.getHost())
          && u.getRawFragment() == null;
    } catch (Exception e) {
      return false;
    }
  }

  /** Token endpoint: authorization_code (with PKCE) and refresh_token grants. */
  Resp token(Req r) {
    pause(tokens.tokenDelay);
    if (JWT_BEARER.equals(r.formParam("grant_type"))) {
      return jwtGrant(r); // a service account: the signed JWT is the client's credential
    }
    String[] client = clientCredentials(r);
    if (client[0] == null) {
      return oauthError(400, "invalid_request", "Could not determine client ID from request.");
    }
    if (!GoogleStandIn.CLIENT_ID.equals(client[0])) {
      return oauthError(401, "invalid_client", "The OAuth client was not found.");
    }
    if (client[1] == null) {
      return oauthError(400, "invalid_request", "client_secret is missing.");
    }
    if (!GoogleStandIn.CLIENT_SECRET.equals(client[1])) {
      return oauthError(401, "invalid_client", "Unauthorized");
    }
    String grantType = r.formParam("grant_type");
    if ("authorization_code".equals(grantType)) {
      return exchangeCode(r);
    }
    if ("refresh_token".equals(grantType)) {
      return refresh(r);
    }
    return grantType == null
        ? oauthError(400, "invalid_request", "Missing required parameter: grant_type")
        : oauthError(400, "unsupported_grant_type", "Invalid grant_type: " + grantType);
  }

  private Resp exchangeCode(Req r) {
    String code = r.formParam("code");
    if (code == null) {
      return oauthError(400, "invalid_request", "Missing required parameter: code");
    }
    StandInTokens.CodeGrant grant = tokens.takeCode(code);
    if (grant == null) {
      return oauthError(400, "invalid_grant", "Bad Request");
    }
    String redirectUri = r.formParam("redirect_uri");
    if (redirectUri == null) {
      return oauthError(400, "invalid_request", "Missing parameter: redirect_uri");
    }
    if (!redirectUri.equals(grant.redirectUri())) {
      return oauthError(400, "redirect_uri_mismatch", "Bad Request");
    }
    String verifier = r.formParam("code_verifier");
    if (verifier == null) {
      return oauthError(400, "invalid_grant", "Missing code verifier.");
    }
    if (!s256(verifier).equals(grant.challenge())) {
      return oauthError(400, "invalid_grant", "Invalid code verifier.");
    }
    // Google returns a refresh token for offline access on the first consent, and on every
    // consent forced with prompt=consent; later silent consents get none.
    boolean firstConsent = tokens.consentedOffline.add(grant.scopes().toString());
    boolean issue = grant.offline() && (grant.promptConsent() || firstConsent);
    String refreshToken =
        issue && !tokens.omitRefreshToken
            ? tokens.newRefreshToken(grant.scopes(), grant.account())
            : null;
    return tokenResponse(grant.scopes(), refreshToken, refreshToken);
  }

  private Resp refresh(Req r) {
    String refreshToken = r.formParam("refresh_token");
    if (refreshToken == null) {
      return oauthError(400, "invalid_request", "Missing required parameter: refresh_token");
    }
    List<String> granted = tokens.refreshScopes(refreshToken);
    if (granted == null) {
      return oauthError(400, "invalid_grant", "Token has been expired or revoked.");
    }
    List<String> scopes = granted;
    String scopeParam = r.formParam("scope");
    if (scopeParam != null) {
      List<String> asked = splitScopes(scopeParam);
      if (!granted.containsAll(asked)) {
        return oauthError(
            400,
            "invalid_scope",
            "Some requested scopes were invalid. {invalid="
                + asked.stream().filter(s -> !granted.contains(s)).toList()
                + "}");
      }
      scopes = asked;
    }
    if (tokens.rotateRefreshTokens) {
      String rotated = tokens.rotate(refreshToken);
      return tokenResponse(scopes, rotated, rotated);
    }
    return tokenResponse(scopes, refreshToken, null);
  }

  private Resp tokenResponse(List<String> scopes, String grantToken, String refreshTokenToReturn) {
    JsonObject o = new JsonObject();
    o.addProperty("access_token", tokens.newAccessToken(scopes, grantToken));
    o.addProperty("expires_in", tokens.expiresInSeconds());
    if (refreshTokenToReturn != null) {
      o.addProperty("refresh_token", refreshTokenToReturn);
    }
    o.addProperty("scope", String.join(" ", scopes));
    o.addProperty("token_type", "Bearer");
    return Resp.json(200, StandInJson.pretty(o))
        .withHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate")
        .withHeader("Pragma", "no-cache");
  }

  private Resp jwtGrant(Req r) {
    StandInServiceAccounts.Outcome outcome =
        // google-auth (like Google) puts Google's token endpoint in "aud", wherever it posts
        serviceAccounts.check(r.formParam("assertion"), GOOGLE_TOKEN_URI, tokens.now());
    if (outcome.error() != null) {
      return oauthError(outcome.status(), outcome.error(), outcome.why());
    }
    JsonObject o = new JsonObject();
    o.addProperty("access_token", tokens.newAccessTokenFor(outcome.subject(), outcome.scopes()));
    o.addProperty("expires_in", tokens.expiresInSeconds());
    o.addProperty("token_type", "Bearer");
    return Resp.json(200, StandInJson.pretty(o));
  }

  /** Revocation endpoint: {@code token} in the form body or the query. */
  Resp revoke(Req r) {
    String token = r.formParam("token");
    if (token == null) {
      token = r.param("token");
    }
    if (token == null || !tokens.revoke(token)) {
      return oauthError(400, "invalid_token", "Token expired or revoked");
    }
    return Resp.json(200, "{}\n");
  }

  /** [clientId, clientSecret] from the body, else from HTTP Basic. */
  private static String[] clientCredentials(Req r) {
    String id = r.formParam("client_id");
    String secret = r.formParam("client_secret");
    String auth = r.header("authorization");
    if (id == null && auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String pair =
            new String(
                Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        if (colon > 0) {
          id = StandInHttp.decode(pair.substring(0, colon));
          secret = StandInHttp.decode(pair.substring(colon + 1));
        }
      } catch (IllegalArgumentException ignored) {
        // not base64: treated as no client credentials
      }
    }
    return new String[] {id, secret};
  }

  static List<String> splitScopes(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.trim().split("\\s+")).distinct().toList();
  }

  static String s256(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pct(String s) {
    return StandInHttp.encode(s).replace("+", "%20");
  }

  private static Resp oauthError(int status, String error, String description) {
    return Resp.json(status, GoogleErrors.oauthError(error, description));
  }

  // Slows the token endpoint down, so that runs overlapping on one refresh really overlap.
  private static void pause(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
