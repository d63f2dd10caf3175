package dev.gmailcli.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.api.client.auth.oauth2.ClientParametersAuthentication;
import com.google.api.client.auth.oauth2.RefreshTokenRequest;
import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.json.Json;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.client.testing.http.MockHttpTransport;
import com.google.api.client.testing.http.MockLowLevelHttpResponse;
import com.google.auth.oauth2.UserCredentials;
import dev.gmailcli.ExitCode;
import dev.gmailcli.GmailCliException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Token endpoint failures, as both of Google's Java OAuth libraries report them. */
class OAuthErrorsTest {
  private static final String TOKEN_URI = "https://oauth2.example.test/token";
  private static final String INVALID_GRANT =
      "{\"error\": \"invalid_grant\", \"error_description\": \"Token has been expired or revoked.\"}";

  private static MockHttpTransport answering(int status, String contentType, String body) {
    return new MockHttpTransport.Builder()
        .setLowLevelHttpResponse(
            new MockLowLevelHttpResponse()
                .setStatusCode(status)
                .setContentType(contentType)
                .setContent(body))
        .build();
  }

  /**
   * What google-auth's UserCredentials.refresh() throws (its package-private GoogleAuthException).
   */
  private static IOException googleAuthFailure(int status, String body) {
    MockHttpTransport transport = answering(status, Json.MEDIA_TYPE, body);
    UserCredentials credentials =
        UserCredentials.newBuilder()
            .setClientId("fake-client-id")
            .setClientSecret("fake-client-secret")
            .setRefreshToken("fake-refresh-token")
            .setTokenServerUri(URI.create(TOKEN_URI))
            .setHttpTransportFactory(() -> transport)
            .build();
    IOException e = catchThrowableOfType(IOException.class, credentials::refresh);
    assertThat(e).as("UserCredentials.refresh() must fail").isNotNull();
    return e;
  }

  /** What google-oauth-client's RefreshTokenRequest throws. */
  private static TokenResponseException oauthClientFailure(
      int status, String contentType, String body) {
    RefreshTokenRequest request =
        new RefreshTokenRequest(
                answering(status, contentType, body),
                GsonFactory.getDefaultInstance(),
                new GenericUrl(TOKEN_URI),
                "fake-refresh-token")
            .setClientAuthentication(
                new ClientParametersAuthentication("fake-client-id", "fake-client-secret"));
    TokenResponseException e = catchThrowableOfType(TokenResponseException.class, request::execute);
    assertThat(e).as("RefreshTokenRequest.execute() must fail").isNotNull();
    return e;
  }

  private static void assertNoSecrets(GmailCliException e) {
    assertThat(e.getMessage() + "\n" + e.hint())
        .doesNotContain("fake-refresh-token", "fake-client-secret");
  }

  @Test
  void googleAuthInvalidGrant_isFoundThroughTheWrappingException() {
    IOException failure = googleAuthFailure(400, INVALID_GRANT);

    assertThat(failure).isNotInstanceOf(com.google.api.client.http.HttpResponseException.class);
    assertThat(OAuthErrors.errorCode(failure)).isEqualTo("invalid_grant");
  }

  @Test
  void googleAuthInvalidGrant_isLoginRequiredWithTheTestingModeHint() {
    GmailCliException e =
        OAuthErrors.toCliException(
            googleAuthFailure(400, INVALID_GRANT), "refresh the access token");

    assertThat(e.exitCode()).isEqualTo(ExitCode.LOGIN_REQUIRED);
    assertThat(e.getMessage())
        .contains(
            "invalid_grant", "Token has been expired or revoked.", "refresh the access token");
    assertThat(e.hint()).contains("gmailcli login", "7 days", "Testing");
    assertNoSecrets(e);
  }

  @Test
  void oauthClientInvalidGrant_isLoginRequiredWithTheTestingModeHint() {
    TokenResponseException failure = oauthClientFailure(400, Json.MEDIA_TYPE, INVALID_GRANT);

    GmailCliException e = OAuthErrors.toCliException(failure, "refresh the access token");

    assertThat(OAuthErrors.errorCode(failure)).isEqualTo("invalid_grant");
    assertThat(e.exitCode()).isEqualTo(ExitCode.LOGIN_REQUIRED);
    assertThat(e.getMessage()).contains("Token has been expired or revoked.");
    assertThat(e.hint()).contains("7 days", "Testing");
    assertThat(e.getCause()).isSameAs(failure);
    assertNoSecrets(e);
  }

  @Test
  void invalidClient_isLoginRequiredPointingAtCredentialsJson() {
    TokenResponseException failure =
        oauthClientFailure(
            401,
            Json.MEDIA_TYPE,
            "{\"error\": \"invalid_client\", \"error_description\": \"Unauthorized\"}");

    GmailCliException e = OAuthErrors.toCliException(failure, "refresh the access token");

    assertThat(e.exitCode()).isEqualTo(ExitCode.LOGIN_REQUIRED);
    assertThat(e.getMessage()).contains("invalid_client");
    assertThat(e.hint()).contains("credentials.json");
    assertNoSecrets(e);
  }

  @Test
  void invalidScope_isLoginRequiredSuggestingScopes() {
    GmailCliException e =
        OAuthErrors.toCliException(
            oauthClientFailure(400, Json.MEDIA_TYPE, "{\"error\": \"invalid_scope\"}"), "log in");

    assertThat(e.exitCode()).isEqualTo(ExitCode.LOGIN_REQUIRED);
    assertThat(e.hint()).contains("--scope");
  }

  @Test
  void serviceUnavailableWithHtmlBody_isTemporary() {
    TokenResponseException failure =
        oauthClientFailure(503, "text/html", "<html><body>Service Unavailable</body></html>");

    GmailCliException e = OAuthErrors.toCliException(failure, "refresh the access token");

    assertThat(OAuthErrors.errorCode(failure)).isNull();
    assertThat(e.exitCode()).isEqualTo(ExitCode.TEMPORARY);
    assertThat(e.getMessage()).contains("503");
  }

  @Test
  void connectionRefused_isTemporary() {
    GmailCliException e =
        OAuthErrors.toCliException(
            new ConnectException("Connection refused"), "refresh the access token");

    assertThat(e.exitCode()).isEqualTo(ExitCode.TEMPORARY);
    assertThat(e.getMessage()).contains("Connection refused");
    assertThat(e.hint()).contains("network");
  }

  @Test
  void otherBadRequest_isRefused() {
    TokenResponseException failure =
        oauthClientFailure(
            400,
            Json.MEDIA_TYPE,
            "{\"error\": \"invalid_request\", \"error_description\": \"Missing parameter\"}");

    GmailCliException e = OAuthErrors.toCliException(failure, "refresh the access token");

    assertThat(e.exitCode()).isEqualTo(ExitCode.GMAIL_REFUSED);
    assertThat(e.getMessage()).contains("400", "invalid_request", "Missing parameter");
  }

  @Test
  void googleAuthOtherBadRequest_isRefused() {
    IOException failure =
        googleAuthFailure(400, "{\"error\": \"invalid_request\", \"error_description\": \"x\"}");

    GmailCliException e = OAuthErrors.toCliException(failure, "refresh the access token");

    assertThat(OAuthErrors.errorCode(failure)).isEqualTo("invalid_request");
    assertThat(e.exitCode()).isEqualTo(ExitCode.GMAIL_REFUSED);
  }

  @Test
  void errorCode_ofAFailureWithoutAResponse_isNull() {
    assertThat(OAuthErrors.errorCode(new IOException("boom"))).isNull();
    assertThat(OAuthErrors.errorCode(null)).isNull();
  }
}
