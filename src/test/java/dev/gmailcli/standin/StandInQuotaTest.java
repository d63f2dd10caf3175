package dev.gmailcli.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.googleapis.batch.BatchRequest;
import com.google.api.client.googleapis.batch.json.JsonBatchCallback;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.GmailScopes;
import com.google.api.services.gmail.model.Thread;
import dev.gmailcli.harness.SimulatedClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stand-in's optional per-user quota, seen through Google's real client. */
class StandInQuotaTest {
  static final Instant START = Instant.parse("2026-11-25T12:00:00Z");

  final SimulatedClock clock = new SimulatedClock(START);
  GoogleStandIn google;
  Gmail gmail;

  @BeforeEach
  void start() {
    google = GoogleStandIn.start().quotaClock(clock);
    google.mailbox().generate(10);
    String token = google.seedAccessToken(GmailScopes.GMAIL_READONLY);
    gmail =
        new Gmail.Builder(
                new NetHttpTransport(),
                GsonFactory.getDefaultInstance(),
                request -> request.getHeaders().setAuthorization("Bearer " + token))
            .setRootUrl(google.baseUrl())
            .setApplicationName("test")
            .build();
  }

  @AfterEach
  void stop() {
    google.close();
  }

  GoogleJsonError listFails() throws IOException {
    try {
      gmail.users().threads().list("me").execute();
    } catch (GoogleJsonResponseException e) {
      return e.getDetails();
    }
    throw new AssertionError("threads.list was not refused");
  }

  @Test
  void withoutAQuota_nothingIsRefused() throws IOException {
    for (int i = 0; i < 30; i++) {
      gmail.users().threads().list("me").execute();
    }
    assertThat(google.quotaRefused()).isZero();
  }

  @Test
  void overTheQuota_429RateLimitExceeded_sayingWhenEnoughUnitsLeaveTheWindow() throws IOException {
    google.quota(25, Duration.ofSeconds(10));
    gmail.users().threads().list("me").execute();
    clock.advance(Duration.ofMillis(1_500));
    gmail.users().threads().list("me").execute();

    GoogleJsonError refused = listFails();

    assertThat(refused.getCode()).isEqualTo(429);
    assertThat(refused.getErrors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getReason()).isEqualTo("rateLimitExceeded");
              assertThat(e.getDomain()).isEqualTo("usageLimits");
            });
    assertThat(refused.getMessage())
        .isEqualTo("User-rate limit exceeded.  Retry after 2026-11-25T12:00:10Z");
    // cheaper calls still fit: getProfile costs 1
    assertThat(gmail.users().getProfile("me").execute().getEmailAddress()).isNotEmpty();
    assertThat(google.quotaRefused()).isEqualTo(1);
    assertThat(google.quotaUnits()).isEqualTo(21);
  }

  @Test
  void theWindowSlides_unitsComeBackAsTheirCallsLeaveIt() throws IOException {
    google.quota(20, Duration.ofSeconds(10));
    gmail.users().threads().list("me").execute();
    clock.advance(Duration.ofSeconds(4));
    gmail.users().threads().list("me").execute();
    clock.advance(Duration.ofSeconds(5));
    assertThat(listFails().getMessage()).endsWith("Retry after 2026-11-25T12:00:10Z");

    clock.advance(Duration.ofSeconds(1));
    gmail.users().threads().list("me").execute();
    assertThat(listFails().getMessage()).endsWith("Retry after 2026-11-25T12:00:14Z");
  }

  @Test
  void batchParts_costOneByOne_andOnlyThoseOverTheQuotaAreRefused() throws IOException {
    google.quota(35, Duration.ofSeconds(10));
    List<String> ok = new ArrayList<>();
    List<GoogleJsonError> refused = new ArrayList<>();
    BatchRequest batch = gmail.batch();
    for (String id : List.of("t00001", "t00002", "t00003", "t00004", "t00005")) {
      gmail
          .users()
          .threads()
          .get("me", id)
          .setFormat("metadata")
          .queue(
              batch,
              new JsonBatchCallback<Thread>() {
                @Override
                public void onSuccess(Thread thread, HttpHeaders headers) {
                  ok.add(thread.getId());
                }

                @Override
                public void onFailure(GoogleJsonError error, HttpHeaders headers) {
                  refused.add(error);
                }
              });
    }
    batch.execute();

    assertThat(ok).containsExactly("t00001", "t00002", "t00003");
    assertThat(refused).hasSize(2).allSatisfy(e -> assertThat(e.getCode()).isEqualTo(429));
    assertThat(google.quotaRefused()).isEqualTo(2);
    assertThat(google.requests("threads.get"))
        .extracting(RecordedRequest::status)
        .containsExactly(200, 200, 200, 429, 429);
  }
}
