package dev.gmailcli.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import dev.gmailcli.platform.PlainHttp;
import dev.gmailcli.platform.PlainResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A plain authorized GET behaves as the generated client's request would. */
class AuthorizedGetTest {
  private static final String URL = "https://gmail.googleapis.com/gmail/v1/users/me/threads?x=1";

  private final Scripted http = new Scripted();
  private final Tokens tokens = new Tokens();
  private final List<String> debug = new ArrayList<>();
  private final AuthorizedGet get =
      new AuthorizedGet(http, new TimeoutsAndTracing(debug::add), tokens, "gmailcli/1.2.3");

  @Test
  void aSuccess_isReturned_afterOneRequestWithTheTokenAndHeaders() throws IOException {
    http.answer(200, "OK", Map.of("Content-Type", "application/json"), "{\"threads\": []}");

    try (PlainResponse response = get.send(URL)) {
      assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("{\"threads\": []}");
    }

    assertThat(http.sent).hasSize(1);
    assertThat(http.sent.get(0).url()).isEqualTo(URL);
    assertThat(http.sent.get(0).headers())
        .containsEntry("Authorization", "Bearer access-1")
        .containsEntry("User-Agent", "gmailcli/1.2.3")
        .containsEntry("Accept-Encoding", "gzip");
    assertThat(http.sent.get(0).timeouts())
        .containsExactly(TimeoutsAndTracing.CONNECT_TIMEOUT_MS, TimeoutsAndTracing.READ_TIMEOUT_MS);
    assertThat(tokens.renewals).isEmpty();
  }

  @Test
  void a401_renewsTheTokenOnce_andSendsAgainWithTheNewOne() throws IOException {
    http.answer(401, "Unauthorized", Map.of(), "").answer(200, "OK", Map.of(), "{}");

    get.send(URL).close();

    assertThat(tokens.renewals).containsExactly("access-1");
    assertThat(http.sent)
        .extracting(sent -> sent.headers().get("Authorization"))
        .containsExactly("Bearer access-1", "Bearer access-2");
    assertThat(debug)
        .hasSize(4)
        .satisfies(lines -> assertThat(lines.get(0)).isEqualTo("GET " + URL))
        .satisfies(lines -> assertThat(lines.get(1)).matches("  -> 401 in \\d+ ms"))
        .satisfies(lines -> assertThat(lines.get(3)).matches("  -> 200 in \\d+ ms"));
  }

  @Test
  void a401ForTheRenewedTokenToo_isThrown_withoutAnotherRenewal() {
    http.answer(401, "Unauthorized", Map.of(), "").answer(401, "Unauthorized", Map.of(), "");

    GoogleJsonResponseException refused =
        catchThrowableOfType(GoogleJsonResponseException.class, () -> get.send(URL));

    assertThat(refused.getStatusCode()).isEqualTo(401);
    assertThat(tokens.renewals).hasSize(1);
    assertThat(http.sent).hasSize(2);
  }

  @Test
  void aJsonRefusal_isGoogleJsonResponseException_withItsReasonsAndRetryAfter() {
    http.answer(
        429,
        "Too Many Requests",
        Map.of("Content-Type", "application/json; charset=UTF-8", "retry-after", "7"),
        """
        {"error": {"code": 429, "message": "User-rate limit exceeded.",
          "errors": [{"reason": "rateLimitExceeded", "domain": "usageLimits"}]}}
        """);

    GoogleJsonResponseException refused =
        catchThrowableOfType(GoogleJsonResponseException.class, () -> get.send(URL));

    assertThat(refused.getStatusCode()).isEqualTo(429);
    assertThat(refused.getStatusMessage()).isEqualTo("Too Many Requests");
    assertThat(refused.getDetails().getMessage()).isEqualTo("User-rate limit exceeded.");
    assertThat(TransientFailures.reasons(refused.getDetails()))
        .containsExactly("rateLimitExceeded");
    assertThat(TransientFailures.isTransient(refused)).isTrue();
    Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    assertThat(TransientFailures.retryAfter(refused, clock)).isEqualTo(Duration.ofSeconds(7));
    assertThat(refused.getMessage()).startsWith("429 Too Many Requests\nGET " + URL);
    assertThat(tokens.renewals).isEmpty();
  }

  @Test
  void aRefusalThatIsNotJson_keepsItsStatusAndText_withoutDetails() {
    http.answer(502, "Bad Gateway", Map.of("Content-Type", "text/html"), "<html>oops</html>");

    GoogleJsonResponseException refused =
        catchThrowableOfType(GoogleJsonResponseException.class, () -> get.send(URL));

    assertThat(refused.getStatusCode()).isEqualTo(502);
    assertThat(refused.getDetails()).isNull();
    assertThat(refused.getContent()).isEqualTo("<html>oops</html>");
    assertThat(TransientFailures.isTransient(refused)).isTrue();
  }

  @Test
  void jsonThatIsNotGooglesErrorObject_keepsTheStatus() {
    http.answer(403, "", Map.of("Content-Type", "application/json"), "[1, 2");

    GoogleJsonResponseException refused =
        catchThrowableOfType(GoogleJsonResponseException.class, () -> get.send(URL));

    assertThat(refused.getStatusCode()).isEqualTo(403);
    assertThat(refused.getDetails()).isNull();
  }

  @Test
  void noAnswer_isTheConnectionsIoFailure() {
    IOException reset = new IOException("Connection reset");
    http.fail(reset);

    assertThatThrownBy(() -> get.send(URL)).isSameAs(reset);
    assertThat(debug).containsExactly("GET " + URL);
  }

  /** Access tokens access-1, access-2…: each renewal gives the next. */
  private static final class Tokens implements AccessTokens {
    final List<String> renewals = new ArrayList<>();
    private int current = 1;

    @Override
    public String accessToken() {
      return "access-" + current;
    }

    @Override
    public String renewedAfter(String refused) {
      renewals.add(refused);
      current++;
      return accessToken();
    }
  }

  /** Answers GETs in turn from a script, recording what was sent; an unscripted GET fails. */
  private static final class Scripted implements PlainHttp {
    record Sent(String url, Map<String, String> headers, List<Integer> timeouts) {}

    final List<Sent> sent = new ArrayList<>();
    private final Deque<Object> answers = new ArrayDeque<>();

    Scripted answer(int status, String reason, Map<String, String> headers, String body) {
      Map<String, List<String>> values = new HashMap<>();
      headers.forEach((name, value) -> values.put(name, List.of(value)));
      answers.add(
          new PlainResponse(
              status,
              reason,
              values,
              new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
      return this;
    }

    void fail(IOException failure) {
      answers.add(failure);
    }

    @Override
    public PlainResponse send(
        String method,
        String url,
        Map<String, String> headers,
        byte[] body,
        int connectTimeoutMs,
        int readTimeoutMs)
        throws IOException {
      assertThat(method).isEqualTo("GET");
      assertThat(body).isNull();
      sent.add(new Sent(url, Map.copyOf(headers), List.of(connectTimeoutMs, readTimeoutMs)));
      Object next = answers.poll();
      if (next == null) {
        throw new AssertionError("unscripted GET " + url);
      }
      if (next instanceof IOException failure) {
        throw failure;
      }
      return (PlainResponse) next;
    }
  }
}
