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
import dev.gmailcli.platform.Durations;
import java.io.IOException;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
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
  private final BrowserOpener browser;
  private final PrintWriter err;
  private final Consumer<String> diagnostics;
  private final SecureRandom random = new SecureRandom();

  public InstalledAppFlow(
      HttpTransport transport,
      HttpRequestInitializer settings,
      Clock clock,
      BrowserOpener browser,
      PrintWriter err,
      Consumer<String> diagnostics) {
    this.transport = transport;
    this.settings = settings;
    this.clock = clock;
    this.browser = browser;
    this.err = err;
    this.diagnostics = diagnostics;
  }

  /**
   * Runs the flow and returns the new login (without its account address; not saved).
   *
   * @param port listener port, 0 for a free one
   * @param timeout how long to wait for the browser
   */
  public StoredToken login(ClientSecrets client, List<String> scopes, int port, Duration timeout) {
    String state = randomToken();
    LoopbackReceiver receiver = new LoopbackReceiver(port, state, timeout, diagnostics);
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
      showConsentPage(url, redirectUri, timeout);
      String code = receiver.waitForCode();
      TokenResponse response = exchange(flow, code, redirectUri);
      return toStoredToken(client, scopes, response);
    } finally {
      receiver.stop();
    }
  }

  private void showConsentPage(String url, String redirectUri, Duration timeout) {
    err.println("Log in to Gmail in your browser. If it does not open, visit this URL:");
    err.println();
    err.println("  " + url);
    err.println();
    err.flush();
    try {
      browser.open(url);
    } catch (IOException e) {
      int port = Integer.parseInt(redirectUri.replaceAll(".*:(\\d+)/$", "$1"));
      err.println("Could not start a browser here (" + e.getMessage() + ").");
      err.println(
          "Open the URL above in a browser on this machine. From another machine,"
              + " forward the port first: ssh -L "
              + port
              + ":127.0.0.1:"
              + port
              + " <this-host>");
    }
    err.println("Waiting up to " + Durations.describe(timeout) + " for the browser...");
    err.flush();
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
        Map.of());
  }

  private String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
