package dev.gmailcli.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.LowLevelHttpResponse;
import com.google.api.client.json.Json;
import com.google.api.client.testing.http.MockHttpTransport;
import com.google.api.client.testing.http.MockLowLevelHttpRequest;
import com.google.api.client.testing.http.MockLowLevelHttpResponse;
import dev.gmailcli.ExitCode;
import dev.gmailcli.GmailCliException;
import dev.gmailcli.harness.RecordingSleeper;
import dev.gmailcli.http.Retrier;
import dev.gmailcli.http.RetryPolicy;
import dev.gmailcli.http.TimeoutsAndTracing;
import dev.gmailcli.platform.HttpStack;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TokenRefresherTest {
  private static final String CONFIGURED_URI = "https://oauth2.example.test/token";
  private static final Instant NOW = Instant.parse("2025-10-20T09:00:00Z");
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final Recording transport = new Recording();

  private final StoredToken token =
      new StoredToken(
          "fake-old-access",
          "fake-refresh-token",
          "https://evil.example.test/steal",
          "fake-client-id",
          "fake-client-secret",
          List.of("scope-a", "scope-b"),
          "googleapis.com",
          "jane@example.com",
          NOW.minusSeconds(60),
          null);

  /** Answers each request with the next queued response and remembers what was sent. */
  static final class Recording extends MockHttpTransport {
    final Deque<MockLowLevelHttpResponse> responses = new ArrayDeque<>();
    final List<String> urls = new ArrayList<>();
    final List<String> methods = new ArrayList<>();
    final List<String> bodies = new ArrayList<>();

    Recording answer(int status, String json) {
      responses.add(
          new MockLowLevelHttpResponse()
              .setStatusCode(status)
              .setContentType(Json.MEDIA_TYPE)
              .setContent(json));
      return this;
    }

    @Override
    public LowLevelHttpRequest buildRequest(String method, String url) {
      return new MockLowLevelHttpRequest(url) {
        @Override
        public LowLevelHttpResponse execute() throws IOException {
          methods.add(method);
          urls.add(url);
          bodies.add(getContentAsString());
          if (responses.isEmpty()) {
            throw new AssertionError("unexpected request to " + url);
          }
          return responses.poll();
        }
      };
    }

    Map<String, String> form(int index) {
      Map<String, String> form = new LinkedHashMap<>();
      for (String pair : bodies.get(index).split("&")) {
        String[] nv = pair.split("=", 2);
        form.put(
            URLDecoder.decode(nv[0], StandardCharsets.UTF_8),
            URLDecoder.decode(nv.length > 1 ? nv[1] : "", StandardCharsets.UTF_8));
      }
      return form;
    }
  }

  private TokenRefresher refresher() {
    Retrier retrier = new Retrier(RetryPolicy.standard(), sleeper, new Random(1), clock, s -> {});
    HttpStack stack = () -> transport;
    return new TokenRefresher(
        stack::plain, new TimeoutsAndTracing(s -> {}), CONFIGURED_URI, clock, retrier);
  }

  @Test
  void refresh_postsTheRefreshGrantToTheConfiguredUri_notTheOneInTheToken() {
    transport.answer(200, "{\"access_token\": \"fake-new-access\", \"expires_in\": 3599}");

    refresher().refresh(token);

    assertThat(transport.methods).containsExactly("POST");
    assertThat(transport.urls).containsExactly(CONFIGURED_URI);
    Map<String, String> form = transport.form(0);
    assertThat(form)
        .containsEntry("grant_type", "refresh_token")
        .containsEntry("refresh_token", "fake-refresh-token")
        .containsEntry("client_id", "fake-client-id")
        .containsEntry("client_secret", "fake-client-secret");
    assertThat(Arrays.asList(form.get("scope").split(" "))).containsExactly("scope-a", "scope-b");
  }

  @Test
  void tokenWithoutScopes_sendsNoScopeParameter() {
    transport.answer(200, "{\"access_token\": \"fake-new-access\", \"expires_in\": 3599}");
    StoredToken noScopes =
        new StoredToken(
            "a",
            "fake-refresh-token",
            null,
            "fake-client-id",
            "fake-client-secret",
            null,
            null,
            "",
            null,
            null);

    refresher().refresh(noScopes);

    assertThat(transport.form(0)).doesNotContainKey("scope");
  }

  @Test
  void refresh_setsNewAccessTokenAndExpiryFromTheClock() {
    transport.answer(200, "{\"access_token\": \"fake-new-access\", \"expires_in\": 3599}");

    StoredToken refreshed = refresher().refresh(token);

    assertThat(refreshed.token()).isEqualTo("fake-new-access");
    assertThat(refreshed.expiry()).isEqualTo(NOW.plusSeconds(3599));
    assertThat(refreshed.tokenUri()).as("kept as written").isEqualTo(token.tokenUri());
    assertThat(refreshed.account()).isEqualTo("jane@example.com");
  }

  @Test
  void responseWithoutExpiresIn_assumesAnHour() {
    transport.answer(200, "{\"access_token\": \"fake-new-access\"}");

    assertThat(refresher().refresh(token).expiry()).isEqualTo(NOW.plusSeconds(3600));
  }

  @Test
  void responseWithoutRefreshToken_keepsTheOldOne() {
    transport.answer(200, "{\"access_token\": \"fake-new-access\", \"expires_in\": 10}");

    assertThat(refresher().refresh(token).refreshToken()).isEqualTo("fake-refresh-token");
  }

  @Test
  void responseWithRotatedRefreshToken_takesIt() {
    transport.answer(
        200,
        "{\"access_token\": \"fake-new-access\", \"expires_in\": 10,"
            + " \"refresh_token\": \"fake-rotated-refresh\"}");

    assertThat(refresher().refresh(token).refreshToken()).isEqualTo("fake-rotated-refresh");
  }

  @Test
  void responseScope_replacesTheStoredScopes() {
    transport.answer(
        200,
        "{\"access_token\": \"fake-new-access\", \"expires_in\": 10,"
            + " \"scope\": \"scope-b  openid\"}");

    assertThat(refresher().refresh(token).scopes()).containsExactly("scope-b", "openid");
  }

  @Test
  void responseWithoutScope_keepsTheStoredScopes() {
    transport.answer(200, "{\"access_token\": \"fake-new-access\", \"expires_in\": 10}");

    assertThat(refresher().refresh(token).scopes()).containsExactly("scope-a", "scope-b");
  }

  @Test
  void invalidGrant_isLoginRequired_withoutRetrying() {
    transport.answer(
        400,
        "{\"error\": \"invalid_grant\", \"error_description\": \"Token has been expired or revoked.\"}");

    assertThatThrownBy(() -> refresher().refresh(token))
        .isInstanceOfSatisfying(
            GmailCliException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(ExitCode.LOGIN_REQUIRED);
              assertThat(e.getMessage()).contains("invalid_grant");
              assertThat(e.getMessage() + e.hint())
                  .doesNotContain("fake-refresh-token", "fake-client-secret");
            });
    assertThat(transport.urls).hasSize(1);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void serverErrorThenSuccess_isRetried() {
    transport.answer(503, "{\"error\": \"unavailable\"}");
    transport.answer(200, "{\"access_token\": \"fake-new-access\", \"expires_in\": 10}");

    assertThat(refresher().refresh(token).token()).isEqualTo("fake-new-access");
    assertThat(transport.urls).hasSize(2);
    assertThat(sleeper.sleeps()).hasSize(1);
  }

  @Test
  void successWithoutAccessToken_isTemporary() {
    transport.answer(200, "{\"expires_in\": 10}");

    assertThatThrownBy(() -> refresher().refresh(token))
        .isInstanceOfSatisfying(
            GmailCliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.TEMPORARY));
  }

  @Test
  void anAnswerThatIsNotATokenObject_isRetried_likeAFailedConnection() {
    transport.answer(200, "<html>captive portal</html>");
    transport.answer(200, "{\"access_token\": [1]}");
    transport.answer(
        200,
        "{\"access_token\": \"fake-new-access\", \"id_token\": {\"x\": [1]}, \"scope\": null}");

    StoredToken refreshed = refresher().refresh(token);

    assertThat(refreshed.token()).isEqualTo("fake-new-access");
    assertThat(refreshed.scopes()).containsExactly("scope-a", "scope-b");
    assertThat(transport.urls).hasSize(3);
    assertThat(sleeper.sleeps()).hasSize(2);
  }

  @Test
  void theTokenEndpointsAnswer_neverShowsItsTokensAsText() throws Exception {
    TokenResponseJson answer =
        TokenResponseJson.read(
            new StringReader(
                "{\"access_token\": \"fake-new-access\", \"refresh_token\": \"fake-rotated\"}"));

    assertThat(answer.accessToken()).isEqualTo("fake-new-access");
    assertThat(answer.toString()).doesNotContain("fake-new-access", "fake-rotated");
  }
}
