package dev.gmailcli.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.google.api.client.auth.oauth2.ClientParametersAuthentication;
import com.google.api.client.auth.oauth2.RefreshTokenRequest;
import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.json.Json;
import com.google.api.client.json.gson.GsonFactory;
import com.google.auth.oauth2.UserCredentials;
import dev.gmailcli.ExitCode;
import dev.gmailcli.GmailCliException;
import dev.gmailcli.harness.MockGoogle;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Token endpoint failures, as both of Google's Java OAuth libraries report them. */
class OAuthErrorsTest {
  private static final String TOKEN_URI = "https://oauth2.example.test/token";
  private static final String INVALID_GRANT =
      "{\"error\": \"invalid_grant\", \"error_description\": \"Token has been expired or revoked.\"}";

  /**
   * What google-auth's UserCredentials.refresh() throws (its package-private GoogleAuthException).
   */
  private static IOException googleAuthFailure(int status, String body) {
    var transport = MockGoogle.answering(status, Json.MEDIA_TYPE, body);
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
                MockGoogle.answering(status, contentType, body),
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

    assertThat(failure).isNotInstanceOf(HttpResponseException.class);
    assertThat(OAuthErrors.errorCode(failure)).isEqualTo("invalid_grant");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void failure_becomesAnExitCode_aMessage_andAHint_withoutSecrets(
      String row,
      IOException failure,
      String errorCode,
      ExitCode exitCode,
      List<String> messageParts,
      List<String> hintParts) {
    GmailCliException e = OAuthErrors.toCliException(failure, "refresh the access token");

    assertThat(OAuthErrors.errorCode(failure)).isEqualTo(errorCode);
    assertThat(e.exitCode()).isEqualTo(exitCode);
    assertThat(e.getMessage()).contains(messageParts);
    assertThat(e.hint()).contains(hintParts);
    assertThat(e.getCause()).isSameAs(failure);
    assertNoSecrets(e);
  }

  static Stream<Arguments> failures() {
    List<String> testingModeHint = List.of("gmailcli login", "7 days", "Testing");
    return Stream.of(
        arguments(
            "google-auth: invalid_grant",
            googleAuthFailure(400, INVALID_GRANT),
            "invalid_grant",
            ExitCode.LOGIN_REQUIRED,
            List.of(
                "invalid_grant", "Token has been expired or revoked.", "refresh the access token"),
            testingModeHint),
        arguments(
            "google-oauth-client: invalid_grant",
            oauthClientFailure(400, Json.MEDIA_TYPE, INVALID_GRANT),
            "invalid_grant",
            ExitCode.LOGIN_REQUIRED,
            List.of("invalid_grant", "Token has been expired or revoked."),
            testingModeHint),
        arguments(
            "invalid_client",
            oauthClientFailure(
                401,
                Json.MEDIA_TYPE,
                "{\"error\": \"invalid_client\", \"error_description\": \"Unauthorized\"}"),
            "invalid_client",
            ExitCode.LOGIN_REQUIRED,
            List.of("invalid_client"),
            List.of("credentials.json")),
        arguments(
            "invalid_scope",
            oauthClientFailure(400, Json.MEDIA_TYPE, "{\"error\": \"invalid_scope\"}"),
            "invalid_scope",
            ExitCode.LOGIN_REQUIRED,
            List.of("invalid_scope"),
            List.of("--scope")),
        arguments(
            "503 with an HTML body",
            oauthClientFailure(503, "text/html", "<html><body>Service Unavailable</body></html>"),
            null,
            ExitCode.TEMPORARY,
            List.of("503"),
            List.of("try again")),
        arguments(
            "connection refused",
            new ConnectException("Connection refused"),
            null,
            ExitCode.TEMPORARY,
            List.of("Connection refused"),
            List.of("network")),
        arguments(
            "google-oauth-client: another 400",
            oauthClientFailure(
                400,
                Json.MEDIA_TYPE,
                "{\"error\": \"invalid_request\", \"error_description\": \"Missing parameter\"}"),
            "invalid_request",
            ExitCode.GMAIL_REFUSED,
            List.of("400", "invalid_request", "Missing parameter"),
            List.of("gmailcli login")),
        arguments(
            "google-auth: another 400",
            googleAuthFailure(
                400, "{\"error\": \"invalid_request\", \"error_description\": \"x\"}"),
            "invalid_request",
            ExitCode.GMAIL_REFUSED,
            List.of("400", "invalid_request"),
            List.of("gmailcli login")));
  }

  @Test
  void errorCode_ofAFailureWithoutAResponse_isNull() {
    assertThat(OAuthErrors.errorCode(new IOException("boom"))).isNull();
    assertThat(OAuthErrors.errorCode(null)).isNull();
  }
}
