package dev.gmailcli.auth;

import com.google.api.client.auth.oauth2.AuthorizationCodeFlow;
import com.google.api.client.auth.oauth2.BearerToken;
import com.google.api.client.auth.oauth2.ClientParametersAuthentication;
import com.google.api.client.auth.oauth2.TokenResponse;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import dev.gmailcli.GmailCliException;
import dev.gmailcli.platform.BrowserOpener;
import dev.gmailcli.platform.ConsoleLines;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Role: how a login is made — the installed-app authorization code flow (RFC 8252) with PKCE S256:
 * a loopback listener on 127.0.0.1, the consent page in the browser with {@code
 * access_type=offline} and {@code prompt=consent} (so Google returns a refresh token), a checked
 * {@code state}, and the code exchange at the token endpoint named in credentials.json.
 */
public final class InstalledAppFlow {
  private final HttpTransport transport;
  private final HttpRequestInitializer settings;
  private final Clock clock;
  private final ConsentInstructions instructions;
  private final ConsoleLines in;
  private final PrintWriter err;
  private final Consumer<String> diagnostics;
  private final SecureRandom random = new SecureRandom();

  public InstalledAppFlow(
      HttpTransport transport,
      HttpRequestInitializer settings,
      Clock clock,
      BrowserOpener browser,
      ConsoleLines in,
      PrintWriter err,
      Consumer<String> diagnostics) {
    this.transport = transport;
    this.settings = settings;
    this.clock = clock;
    this.instructions = new ConsentInstructions(err, browser);
    this.in = in;
    this.err = err;
    this.diagnostics = diagnostics;
  }

  /**
   * Runs the flow and returns the new login (without its account address; not saved).
   *
   * @param options the listener's port, the timeout, and how the person answers
   */
  public StoredToken login(ClientSecrets client, List<String> scopes, LoginOptions options) {
    String state = randomToken();
    LoopbackReceiver receiver =
        new LoopbackReceiver(options.port(), state, options.timeout(), diagnostics);
    try {
      String redirectUri = receiver.getRedirectUri();
      AuthorizationCodeFlow flow =
          new AuthorizationCodeFlow.Builder(
                  BearerToken.authorizationHeaderAccessMethod(),
                  transport,
                  GsonFactory.getDefaultInstance(),
                  new GenericUrl(client.tokenUri()),
                  new ClientParametersAuthentication(client.clientId(), client.clientSecret()),
                  client.clientId(),
                  client.authUri())
              .setScopes(scopes)
              .setRequestInitializer(settings)
              .enablePKCE()
              .build();
      String url =
          flow.newAuthorizationUrl()
              .setRedirectUri(redirectUri)
              .setState(state)
              .set("access_type", "offline")
              .set("prompt", "consent")
              .build();
      instructions.show(url, URI.create(redirectUri).getPort(), options);
      if (options.paste() != LoginOptions.Paste.NONE) {
        new RedirectPaste(
                in,
                state,
                receiver::offer,
                receiver::answered,
                err,
                options.paste() == LoginOptions.Paste.PROMPT)
            .start();
      }
      String code = receiver.waitForCode();
      TokenResponse response = exchange(flow, code, redirectUri);
      return toStoredToken(client, scopes, response);
    } finally {
      receiver.stop();
    }
  }

  private static TokenResponse exchange(
      AuthorizationCodeFlow flow, String code, String redirectUri) {
    try {
      return flow.newTokenRequest(code).setRedirectUri(redirectUri).execute();
    } catch (IOException e) {
      throw OAuthErrors.toCliException(e, "exchange the authorization code");
    }
  }

  private StoredToken toStoredToken(
      ClientSecrets client, List<String> requested, TokenResponse response) {
    if (response.getRefreshToken() == null || response.getRefreshToken().isEmpty()) {
      throw GmailCliException.loginRequired(
          "Google returned no refresh token, so the login could not be kept",
          "remove gmailcli's access at https://myaccount.google.com/connections and run"
              + " `gmailcli login` again",
          null);
    }
    List<String> granted = TokenRefresher.scopes(response.getScope());
    long lifetime = response.getExpiresInSeconds() != null ? response.getExpiresInSeconds() : 3600;
    return new StoredToken(
            response.getAccessToken(),
            response.getRefreshToken(),
            client.tokenUri(),
            client.clientId(),
            client.clientSecret(),
            granted != null ? granted : requested,
            "googleapis.com",
            "",
            clock.instant().plusSeconds(lifetime),
            Map.of())
        .withLoginTime(clock.instant());
  }

  private String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
