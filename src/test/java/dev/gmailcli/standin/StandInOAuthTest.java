package dev.gmailcli.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.auth.oauth2.AuthorizationCodeFlow;
import com.google.api.client.auth.oauth2.AuthorizationCodeRequestUrl;
import com.google.api.client.auth.oauth2.BearerToken;
import com.google.api.client.auth.oauth2.ClientParametersAuthentication;
import com.google.api.client.auth.oauth2.TokenErrorResponse;
import com.google.api.client.auth.oauth2.TokenResponse;
import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.googleapis.auth.oauth2.GoogleClientSecrets;
import com.google.api.client.http.BasicAuthentication;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpResponseException;
import com.google.api.services.gmail.GmailScopes;
import com.sun.net.httpserver.HttpServer;
import dev.gmailcli.harness.AllowUnmatchedRequests;
import dev.gmailcli.harness.WithGoogleStandIn;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The consent screen, token and revocation endpoints, as Google's OAuth servers behave: proves
 * {@link GoogleStandIn} is faithful, with Google's real client libraries.
 */
@WithGoogleStandIn
class StandInOAuthTest extends StandInClients {

  private HttpServer listener;
  private final Map<String, String> callback = new ConcurrentHashMap<>();
  private String redirectUri;

  @BeforeEach
  void startListener() throws IOException {
    listener = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    listener.createContext(
        "/",
        ex -> {
          String q = ex.getRequestURI().getRawQuery();
          StandInHttp.parseQuery(q).forEach((k, v) -> callback.put(k, v.get(0)));
          byte[] body = "You may close this window.".getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    listener.start();
    redirectUri = "http://127.0.0.1:" + listener.getAddress().getPort() + "/Callback";
  }

  @AfterEach
  void stopListener() {
    listener.stop(0);
  }

  private AuthorizationCodeFlow flow(String... scopes) {
    return new AuthorizationCodeFlow.Builder(
            BearerToken.authorizationHeaderAccessMethod(),
            transport,
            JSON,
            new GenericUrl(google.tokenUri()),
            new ClientParametersAuthentication(
                GoogleStandIn.CLIENT_ID, GoogleStandIn.CLIENT_SECRET),
            GoogleStandIn.CLIENT_ID,
            google.authUri())
        .setScopes(List.of(scopes))
        .enablePKCE()
        .build();
  }

  /** Plays the browser: follows the consent redirect to the loopback listener. */
  private int consent(AuthorizationCodeFlow flow, boolean offline) throws Exception {
    AuthorizationCodeRequestUrl url =
        flow.newAuthorizationUrl().setRedirectUri(redirectUri).setState("xyz-state");
    if (offline) {
      url.set("access_type", "offline").set("prompt", "consent");
    }
    HttpClient browser =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    return browser
        .send(HttpRequest.newBuilder(URI.create(url.build())).build(), BodyHandlers.ofString())
        .statusCode();
  }

  @Test
  void credentialsJsonLoadsAsInstalledClientSecrets() throws IOException {
    GoogleClientSecrets secrets =
        GoogleClientSecrets.load(JSON, new StringReader(google.credentialsJson()));
    assertThat(secrets.getInstalled().getClientId()).isEqualTo(GoogleStandIn.CLIENT_ID);
    assertThat(secrets.getInstalled().getClientSecret()).isEqualTo(GoogleStandIn.CLIENT_SECRET);
    assertThat(secrets.getInstalled().getAuthUri()).isEqualTo(google.authUri());
    assertThat(secrets.getInstalled().getTokenUri()).isEqualTo(google.tokenUri());
    assertThat(secrets.getInstalled().getRedirectUris()).containsExactly("http://localhost");
    assertThat(google.credentialsJson()).contains("\"project_id\": \"gmailcli-test\"");
  }

  @Test
  void pkceCodeExchangeIssuesWorkingTokens() throws Exception {
    google.mailbox().generate(5);
    AuthorizationCodeFlow flow = flow(GmailScopes.GMAIL_READONLY);
    assertThat(consent(flow, true)).isEqualTo(200);
    assertThat(callback)
        .containsEntry("state", "xyz-state")
        .containsEntry("scope", GmailScopes.GMAIL_READONLY)
        .containsKey("code");
    RecordedRequest auth = google.requests("auth").get(0);
    assertThat(auth.param("code_challenge_method")).isEqualTo("S256");
    assertThat(auth.param("access_type")).isEqualTo("offline");
    TokenResponse tokens =
        flow.newTokenRequest(callback.get("code")).setRedirectUri(redirectUri).execute();
    assertThat(tokens.getRefreshToken()).startsWith("1//");
    assertThat(tokens.getExpiresInSeconds()).isEqualTo(3599L);
    assertThat(tokens.getScope()).isEqualTo(GmailScopes.GMAIL_READONLY);
    assertThat(tokens.getTokenType()).isEqualTo("Bearer");
    assertThat(google.requests("token.code").get(0).formParam("code_verifier")).isNotBlank();
    assertThat(gmail(tokens.getAccessToken()).users().threads().list("me").execute().getThreads())
        .hasSize(5);
    // codes are single-use
    TokenResponseException reuse =
        (TokenResponseException)
            catchIo(
                () ->
                    flow.newTokenRequest(callback.get("code"))
                        .setRedirectUri(redirectUri)
                        .execute());
    assertThat(reuse.getDetails().getError()).isEqualTo("invalid_grant");
  }

  @Test
  void wrongVerifierAndWithoutOfflineAccess() throws Exception {
    AuthorizationCodeFlow flow = flow(GmailScopes.GMAIL_READONLY);
    consent(flow, false);
    TokenResponseException e =
        (TokenResponseException)
            catchIo(
                () ->
                    flow(GmailScopes.GMAIL_READONLY)
                        .newTokenRequest(callback.get("code"))
                        .setRedirectUri(redirectUri)
                        .execute()); // another flow: another verifier
    assertThat(e.getStatusCode()).isEqualTo(400);
    assertThat(e.getDetails().getError()).isEqualTo("invalid_grant");
    consent(flow, false);
    TokenResponse online =
        flow.newTokenRequest(callback.get("code")).setRedirectUri(redirectUri).execute();
    assertThat(online.getAccessToken()).isNotBlank();
    assertThat(online.getRefreshToken()).isNull();
  }

  @Test
  void declinedConsentRedirectsWithAccessDenied() throws Exception {
    google.declineConsent();
    consent(flow(GmailScopes.GMAIL_READONLY), true);
    assertThat(callback)
        .containsEntry("error", "access_denied")
        .containsEntry("state", "xyz-state")
        .doesNotContainKey("code");
  }

  @Test
  void refusedConsentRedirectsWithGooglesErrorAndDescription() throws Exception {
    google.refuseConsent("admin_policy_enforced", "Blocked by the Workspace admin");
    consent(flow(GmailScopes.GMAIL_READONLY), true);
    assertThat(callback)
        .containsEntry("error", "admin_policy_enforced")
        .containsEntry("error_description", "Blocked by the Workspace admin")
        .containsEntry("state", "xyz-state")
        .doesNotContainKey("code");
  }

  @Test
  void partialGrantAndOmittedRefreshToken() throws Exception {
    google.grantOnly(GmailScopes.GMAIL_METADATA).omitRefreshToken();
    AuthorizationCodeFlow flow = flow(GmailScopes.GMAIL_READONLY, GmailScopes.GMAIL_METADATA);
    consent(flow, true);
    assertThat(callback).containsEntry("scope", GmailScopes.GMAIL_METADATA);
    TokenResponse tokens =
        flow.newTokenRequest(callback.get("code")).setRedirectUri(redirectUri).execute();
    assertThat(tokens.getScope()).isEqualTo(GmailScopes.GMAIL_METADATA);
    assertThat(tokens.getRefreshToken()).isNull();
  }

  @Test
  void malformedAuthRequestIs400WithoutRedirect() throws Exception {
    var response =
        send(
            get(
                google.authUri()
                    + "?client_id="
                    + GoogleStandIn.CLIENT_ID
                    + "&response_type=code&scope=x&redirect_uri="
                    + redirectUri));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("code_challenge");
    assertThat(callback).isEmpty();
  }

  @Test
  void refreshRotationRevocationAndBadClient() throws IOException {
    String refresh = google.seedRefreshToken(GmailScopes.GMAIL_READONLY);
    TokenResponse first = refresh(refresh).execute();
    assertThat(first.getRefreshToken()).isNull();
    assertThat(first.getScope()).isEqualTo(GmailScopes.GMAIL_READONLY);
    assertThat(gmail(first.getAccessToken()).users().labels().list("me").execute().getLabels())
        .isNotEmpty();

    google.rotateRefreshTokens();
    TokenResponse rotated = refresh(refresh).execute();
    assertThat(rotated.getRefreshToken()).isNotNull().isNotEqualTo(refresh);

    TokenResponseException old = (TokenResponseException) catchIo(() -> refresh(refresh).execute());
    assertThat(old.getDetails().getError()).isEqualTo("invalid_grant");

    // revoke over HTTP, as the CLI's logout would
    int status = revoke(rotated.getRefreshToken()).getStatusCode();
    assertThat(status).isEqualTo(200);
    TokenResponseException revoked =
        (TokenResponseException) catchIo(() -> refresh(rotated.getRefreshToken()).execute());
    assertThat(revoked.getStatusCode()).isEqualTo(400);
    assertThat(revoked.getDetails().getError()).isEqualTo("invalid_grant");
    assertThat(revoked.getDetails().getErrorDescription())
        .isEqualTo("Token has been expired or revoked.");
    assertThat(
            apiError(() -> gmail(rotated.getAccessToken()).users().labels().list("me").execute())
                .getCode())
        .isEqualTo(401);
    assertThat(google.revoke(rotated.getRefreshToken())).isFalse();

    TokenResponseException badClient =
        (TokenResponseException)
            catchIo(
                () ->
                    refresh(google.seedRefreshToken(GmailScopes.GMAIL_READONLY))
                        .setClientAuthentication(
                            new ClientParametersAuthentication(
                                GoogleStandIn.CLIENT_ID, "wrong-secret"))
                        .execute());
    assertThat(badClient.getStatusCode()).isEqualTo(401);
    // JDK quirk, same against real Google: HttpURLConnection in fixed-length streaming mode
    // (how NetHttpTransport POSTs) drops the body of a 401, so there are no details to parse.
    assertThat(badClient.getDetails()).isNull();
    assertThat(google.count("token.refresh")).isEqualTo(5);
    assertThat(google.count("revoke")).isEqualTo(1);
  }

  @Test
  void basicClientAuthScopeNarrowingAndRevokingUnknownTokens() throws IOException {
    String refresh =
        google.seedRefreshToken(GmailScopes.GMAIL_READONLY, GmailScopes.GMAIL_METADATA);
    TokenResponse narrowed =
        refresh(refresh)
            .setClientAuthentication(
                new BasicAuthentication(GoogleStandIn.CLIENT_ID, GoogleStandIn.CLIENT_SECRET))
            .setScopes(List.of(GmailScopes.GMAIL_METADATA))
            .execute();
    assertThat(narrowed.getScope()).isEqualTo(GmailScopes.GMAIL_METADATA);
    assertThat(google.requests("token.refresh").get(0).formParam("client_id")).isNull();
    TokenResponseException widened =
        (TokenResponseException)
            catchIo(() -> refresh(refresh).setScopes(List.of(GmailScopes.GMAIL_MODIFY)).execute());
    assertThat(widened.getDetails().getError()).isEqualTo("invalid_scope");
    HttpResponseException unknown = (HttpResponseException) catchIo(() -> revoke("1//unknown"));
    assertThat(unknown.getStatusCode()).isEqualTo(400);
    assertThat(unknown.getContent()).contains("\"error\": \"invalid_token\"");
  }

  @Test
  void badClientBodyIsInvalidClientJson() throws Exception {
    var response =
        send(
            get(google.tokenUri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=refresh_token&refresh_token=x&client_id="
                            + GoogleStandIn.CLIENT_ID
                            + "&client_secret=nope")));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=UTF-8");
    assertThat(JSON.fromString(response.body(), TokenErrorResponse.class).getError())
        .isEqualTo("invalid_client");
  }

  @Test
  @AllowUnmatchedRequests("it sends one on purpose, to see it recorded")
  void unmatchedRequestsAreRecorded() throws Exception {
    var response = send(get(google.baseUrl() + "gmail/v1/users/me/drafts"));
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(google.unmatched())
        .singleElement()
        .satisfies(r -> assertThat(r.path()).isEqualTo("/gmail/v1/users/me/drafts"));
  }
}
