package dev.gmailcli.app;

import dev.gmailcli.auth.CredentialStore;
import dev.gmailcli.auth.GmailAuthorization;
import dev.gmailcli.auth.StoredToken;
import dev.gmailcli.auth.TokenFile;
import dev.gmailcli.auth.TokenRefresher;
import dev.gmailcli.gmail.GmailClient;
import dev.gmailcli.gmail.GmailService;
import dev.gmailcli.gmail.QuotaCost;
import dev.gmailcli.gmail.QuotaPacer;
import dev.gmailcli.gmail.ThreadsListCall;
import dev.gmailcli.gmail.WaitListener;
import dev.gmailcli.harness.RecordingSleeper;
import dev.gmailcli.harness.ScriptedHttp;
import dev.gmailcli.http.AuthorizedGet;
import dev.gmailcli.http.QuotaBudget;
import dev.gmailcli.http.Retrier;
import dev.gmailcli.http.RetryPolicy;
import dev.gmailcli.http.StallGuard;
import dev.gmailcli.http.TimeoutsAndTracing;
import dev.gmailcli.platform.HttpStack;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Real collaborators for task tests, talking to a {@link ScriptedHttp} instead of Google. */
final class TaskFixtures {
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String TOKEN_URI = "https://oauth2.example.test/token";
  static final String REVOKE_URI = "https://oauth2.example.test/revoke";
  static final String GMAIL_ROOT = "https://gmail.example.test/";

  private TaskFixtures() {}

  static Retrier retrier() {
    return new Retrier(
        RetryPolicy.standard(), new RecordingSleeper(), new Random(1), CLOCK, d -> {});
  }

  /** Paces Gmail calls with Gmail's quota, recording waits instead of sleeping. */
  private static QuotaPacer pacer() {
    QuotaBudget budget = new QuotaBudget(QuotaCost.perUserPolicy(), CLOCK);
    return new QuotaPacer(
        budget,
        new StallGuard(Duration.ofSeconds(60), new Random(1), budget::now),
        new RecordingSleeper(),
        WaitListener.NONE,
        line -> {});
  }

  static CredentialStore store(Path tokenFile, ScriptedHttp http) {
    TimeoutsAndTracing settings = new TimeoutsAndTracing(line -> {});
    return new CredentialStore(
        new TokenFile(tokenFile),
        new TokenRefresher(((HttpStack) () -> http)::plain, settings, TOKEN_URI, CLOCK, retrier()),
        settings,
        CLOCK,
        warning -> {
          throw new AssertionError("unexpected warning: " + warning);
        });
  }

  /** The Gmail gateway, talking to {@code http}. */
  static GmailService gmail(ScriptedHttp http, GmailAuthorization authorization) {
    HttpStack stack = () -> http;
    AuthorizedGet get =
        new AuthorizedGet(
            stack.plain(), new TimeoutsAndTracing(line -> {}), authorization, "gmailcli/test");
    return new GmailService(
        new GmailClient(http, GMAIL_ROOT, authorization.requestInitializer(), "gmailcli/test"),
        new ThreadsListCall(get, GMAIL_ROOT),
        pacer());
  }

  /** A login whose access token is valid for another hour. */
  static StoredToken validToken(String account) {
    return new StoredToken(
        "fake-access-token",
        "fake-refresh-token",
        "https://oauth2.googleapis.com/token",
        "fake-client-id",
        "fake-client-secret",
        List.of("https://www.googleapis.com/auth/gmail.readonly"),
        "googleapis.com",
        account,
        NOW.plusSeconds(3600),
        Map.of());
  }
}
