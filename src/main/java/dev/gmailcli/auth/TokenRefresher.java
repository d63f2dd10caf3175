package dev.gmailcli.auth;

import com.google.api.client.util.escape.CharEscapers;
import dev.gmailcli.GmailCliException;
import dev.gmailcli.http.ErrorResponses;
import dev.gmailcli.http.Retrier;
import dev.gmailcli.http.TimeoutsAndTracing;
import dev.gmailcli.platform.PlainHttp;
import dev.gmailcli.platform.PlainResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Trades a refresh token for a new access token at Google's token endpoint. Unlike google-auth's
 * UserCredentials it keeps a refresh token Google rotates and the scopes Google reports, and it
 * always uses the configured endpoint, never the one written in token.json. The request is the form
 * google-oauth-client's {@code RefreshTokenRequest} posts, sent as a {@link PlainHttp} request: an
 * expired token is the usual start of a cron run, and the library's first request would wait for
 * its one-time reflection. A refusal is the {@code HttpResponseException} the library would throw,
 * which {@link OAuthErrors} reads.
 */
public final class TokenRefresher {
  private static final Map<String, String> HEADERS =
      Map.of(
          "Content-Type", "application/x-www-form-urlencoded; charset=UTF-8",
          "Accept-Encoding", "gzip");

  private final Supplier<PlainHttp> http;
  private final TimeoutsAndTracing settings;
  private final String tokenUri;
  private final Clock clock;
  private final Retrier retrier;

  /**
   * @param http asked for only when a refresh is due, so that reading a valid login loads no HTTP
   *     stack
   * @param settings timeouts, --verbose lines and proxy diagnosis
   */
  public TokenRefresher(
      Supplier<PlainHttp> http,
      TimeoutsAndTracing settings,
      String tokenUri,
      Clock clock,
      Retrier retrier) {
    this.http = http;
    this.settings = settings;
    this.tokenUri = tokenUri;
    this.clock = clock;
    this.retrier = retrier;
  }

  /** Returns {@code token} with a fresh access token; does not save it. */
  public StoredToken refresh(StoredToken token) {
    byte[] form = form(token).getBytes(StandardCharsets.UTF_8);
    TokenResponseJson response;
    try {
      response = retrier.call(() -> post(form));
    } catch (IOException e) {
      throw OAuthErrors.toCliException(
          e, "refresh the access token", clock.instant(), token.loginTime());
    }
    if (response.accessToken() == null || response.accessToken().isEmpty()) {
      throw GmailCliException.temporary(
          "Google's token endpoint answered without an access token", "try again", null);
    }
    long lifetime = response.expiresIn() != null ? response.expiresIn() : 3600;
    return token.refreshed(
        response.accessToken(),
        clock.instant().plusSeconds(lifetime),
        response.refreshToken(),
        scopes(response.scope()));
  }

  private TokenResponseJson post(byte[] form) throws IOException {
    try (PlainResponse response = settings.send(http.get(), "POST", tokenUri, HEADERS, form)) {
      if (!response.successful()) {
        throw ErrorResponses.http("POST", tokenUri, response);
      }
      try (Reader json = new InputStreamReader(response.body(), StandardCharsets.UTF_8)) {
        return TokenResponseJson.read(json);
      }
    }
  }

  // The parameters and their order of google-oauth-client's RefreshTokenRequest with
  // ClientParametersAuthentication; google-auth for Python sends the scopes too, and Google then
  // reports what it granted.
  private static String form(StoredToken token) {
    StringBuilder form = new StringBuilder();
    parameter(form, "grant_type", "refresh_token");
    parameter(form, "refresh_token", token.refreshToken());
    if (token.scopes() != null && !token.scopes().isEmpty()) {
      parameter(form, "scope", String.join(" ", token.scopes()));
    }
    parameter(form, "client_id", token.clientId());
    if (token.clientSecret() != null) {
      parameter(form, "client_secret", token.clientSecret());
    }
    return form.toString();
  }

  private static void parameter(StringBuilder form, String name, String value) {
    if (form.length() > 0) {
      form.append('&');
    }
    form.append(name).append('=').append(CharEscapers.escapeUri(value == null ? "" : value));
  }

  static List<String> scopes(String scope) {
    if (scope == null || scope.isBlank()) {
      return null;
    }
    return Arrays.stream(scope.trim().split("\\s+")).toList();
  }
}
