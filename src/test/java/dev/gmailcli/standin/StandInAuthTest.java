package dev.gmailcli.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.api.client.auth.oauth2.Credential;
import com.google.api.client.auth.oauth2.TokenResponse;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.GmailScopes;
import dev.gmailcli.harness.WithGoogleStandIn;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * How Gmail's endpoints check access tokens and scopes: proves {@link GoogleStandIn} is faithful,
 * with Google's real client libraries.
 */
@WithGoogleStandIn
class StandInAuthTest extends StandInClients {

  @Test
  void badOrMissingTokenIs401WithInvalidTokenChallenge() throws IOException {
    GoogleJsonResponseException e =
        (GoogleJsonResponseException)
            catchIo(() -> gmail("ya29.not-a-real-token").users().threads().list("me").execute());
    assertThat(e.getStatusCode()).isEqualTo(401);
    assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("authError");
    assertThat(e.getDetails().get("status")).isEqualTo("UNAUTHENTICATED");
    assertThat(e.getHeaders().getAuthenticate())
        .isEqualTo("Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"");
    GoogleJsonError missing =
        apiError(() -> gmail(req -> {}).users().threads().list("me").execute());
    assertThat(missing.getCode()).isEqualTo(401);
    assertThat(missing.getErrors().get(0).getReason()).isEqualTo("required");
  }

  @Test
  void scopesAreEnforced() {
    GoogleJsonError e =
        apiError(
            () ->
                gmail(google.seedAccessToken(GmailScopes.GMAIL_SEND))
                    .users()
                    .threads()
                    .list("me")
                    .execute());
    assertThat(e.getCode()).isEqualTo(403);
    assertThat(e.getMessage()).isEqualTo("Request had insufficient authentication scopes.");
    assertThat(e.getErrors().get(0).getReason()).isEqualTo("insufficientPermissions");
    assertThat(e.getDetails()).hasSize(1);
    Gmail metadata = gmail(google.seedAccessToken(GmailScopes.GMAIL_METADATA));
    GoogleJsonError q = apiError(() -> metadata.users().threads().list("me").setQ("x").execute());
    assertThat(q.getMessage()).isEqualTo("Metadata scope does not support 'q' parameter");
    assertThat(q.getErrors().get(0).getReason()).isEqualTo("forbidden");
    GoogleJsonError full =
        apiError(() -> metadata.users().threads().get("me", "t1").setFormat("full").execute());
    assertThat(full.getCode()).isEqualTo(403);
  }

  @Test
  void expiredAndRevokedAccessTokensAre401() throws IOException {
    String token = google.seedAccessToken(GmailScopes.GMAIL_READONLY);
    gmail(token).users().labels().list("me").execute();
    google.advanceClock(Duration.ofHours(1));
    assertThat(apiError(() -> gmail(token).users().labels().list("me").execute()).getCode())
        .isEqualTo(401);
    String other = google.seedAccessToken(GmailScopes.GMAIL_READONLY);
    assertThat(google.revoke(other)).isTrue();
    assertThat(apiError(() -> gmail(other).users().labels().list("me").execute()).getCode())
        .isEqualTo(401);
  }

  @Test
  void accessTokenLifetimeAndExpireAccessTokens() throws IOException {
    google.accessTokenLifetime(Duration.ofSeconds(120));
    TokenResponse t = refresh(google.seedRefreshToken(GmailScopes.GMAIL_READONLY)).execute();
    assertThat(t.getExpiresInSeconds()).isEqualTo(120L);
    assertThat(gmail(t.getAccessToken()).users().getProfile("me").execute().getEmailAddress())
        .isEqualTo("tester@example.com");
    google.expireAccessTokens();
    assertThat(
            apiError(() -> gmail(t.getAccessToken()).users().getProfile("me").execute()).getCode())
        .isEqualTo(401);
  }

  @Test
  void credentialRefreshesReactivelyOn401() throws IOException {
    google.mailbox().generate(3);
    Credential credential = staleCredential();
    assertThat(gmail(credential).users().threads().list("me").execute().getThreads()).hasSize(3);
    assertThat(google.requests())
        .extracting(RecordedRequest::kind, RecordedRequest::status)
        .containsExactly(
            tuple("threads.list", 401), tuple("token.refresh", 200), tuple("threads.list", 200));
  }
}
