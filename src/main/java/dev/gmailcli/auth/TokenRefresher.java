package dev.gmailcli.auth;

import com.google.api.client.auth.oauth2.ClientParametersAuthentication;
import com.google.api.client.auth.oauth2.RefreshTokenRequest;
import com.google.api.client.auth.oauth2.TokenResponse;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import dev.gmailcli.GmailCliException;
import dev.gmailcli.http.Retrier;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Trades a refresh token for a new access token at Google's token endpoint. Unlike google-auth's
 * UserCredentials it keeps a refresh token Google rotates and the scopes Google reports, and it
 * always uses the configured endpoint, never the one written in token.json.
 */
public final class TokenRefresher {
  private final Supplier<HttpTransport> transport;
  private final HttpRequestInitializer settings;
  private final String tokenUri;
  private final Clock clock;
  private final Retrier retrier;

  public TokenRefresher(
      HttpTransport transport,
      HttpRequestInitializer settings,
      String tokenUri,
      Clock clock,
      Retrier retrier) {
    this(() -> transport, settings, tokenUri, clock, retrier);
  }

  /**
   * @param transport asked for the transport only when a refresh is due, so that reading a valid
   *     login loads no HTTP stack
   */
  public TokenRefresher(
      Supplier<HttpTransport> transport,
      HttpRequestInitializer settings,
      String tokenUri,
      Clock clock,
      Retrier retrier) {
    this.transport = transport;
    this.settings = settings;
    this.tokenUri = tokenUri;
    this.clock = clock;
    this.retrier = retrier;
  }

  /** Returns {@code token} with a fresh access token; does not save it. */
  public StoredToken refresh(StoredToken token) {
    RefreshTokenRequest request =
        new RefreshTokenRequest(
                transport.get(),
                GsonFactory.getDefaultInstance(),
                new GenericUrl(tokenUri),
                token.refreshToken())
            .setClientAuthentication(
                new ClientParametersAuthentication(token.clientId(), token.clientSecret()))
            .setRequestInitializer(settings);
    if (token.scopes() != null && !token.scopes().isEmpty()) {
      // google-auth for Python sends the scopes too; Google then reports what it granted
      request.setScopes(token.scopes());
    }
    TokenResponse response;
    try {
      response = retrier.call(request::execute);
    } catch (IOException e) {
      throw OAuthErrors.toCliException(
          e, "refresh the access token", clock.instant(), token.loginTime());
    }
    if (response.getAccessToken() == null || response.getAccessToken().isEmpty()) {
      throw GmailCliException.temporary(
          "Google's token endpoint answered without an access token", "try again", null);
    }
    long lifetime = response.getExpiresInSeconds() != null ? response.getExpiresInSeconds() : 3600;
    return token.refreshed(
        response.getAccessToken(),
        clock.instant().plusSeconds(lifetime),
        response.getRefreshToken(),
        scopes(response.getScope()));
  }

  static List<String> scopes(String scope) {
    if (scope == null || scope.isBlank()) {
      return null;
    }
    return Arrays.stream(scope.trim().split("\\s+")).toList();
  }
}
