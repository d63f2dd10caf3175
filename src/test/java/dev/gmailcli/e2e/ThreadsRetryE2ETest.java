package dev.gmailcli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.gmailcli.harness.CliHarness;
import dev.gmailcli.harness.CliRun;
import dev.gmailcli.harness.TestClock;
import dev.gmailcli.harness.TokenFixtures;
import dev.gmailcli.harness.WithGoogleStandIn;
import dev.gmailcli.standin.GoogleErrors;
import dev.gmailcli.standin.GoogleStandIn;
import dev.gmailcli.standin.RecordedRequest;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 3's batched details and robustness: batch call counts, failures inside a batch, retries
 * with backoff (recorded, not slept), giving up once nothing has come for 60 s, and the 400 / 403
 * paths.
 */
@WithGoogleStandIn
class ThreadsRetryE2ETest {
  static final String THREADS = "/gmail/v1/users/me/threads";
  static final String METADATA = "https://www.googleapis.com/auth/gmail.metadata";

  GoogleStandIn google;
  CliHarness cli;

  @BeforeEach
  void mailboxAndSavedLogin() throws Exception {
    google.mailbox().generate(120);
    cli.token(TokenFixtures.valid(google, TestClock.NOW));
  }

  // ---- batched details ----

  @Test
  void max100WithDetails_isOneListCall_andTwoBatchesOf50() {
    CliRun run = cli.run("threads", "--max", "100", "--details");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(google.count("threads.list")).isEqualTo(1);
    assertThat(google.count("batch")).isEqualTo(2);
    List<RecordedRequest> gets = google.requests("threads.get");
    assertThat(gets).hasSize(100).allMatch(RecordedRequest::inBatch);
    assertThat(gets)
        .allSatisfy(
            get -> {
              assertThat(get.param("format")).isEqualTo("metadata");
              assertThat(get.params("metadataHeaders"))
                  .containsExactlyInAnyOrder("Subject", "From", "Date");
            });
    assertThat(run.out().lines())
        .hasSize(100)
        .allSatisfy(l -> assertThat(l.split("\t", -1)[3]).isNotEmpty());
  }

  @Test
  void tsvDetailsAreOnByDefault_andNoDetailsSkipsBatches() {
    CliRun byDefault = cli.run("threads", "--max", "10");
    long batchesByDefault = google.count("batch");
    CliRun without = cli.run("threads", "--max", "10", "--no-details");

    assertThat(byDefault.exitCode()).as(byDefault.err()).isZero();
    assertThat(without.exitCode()).as(without.err()).isZero();
    assertThat(batchesByDefault).isEqualTo(1);
    assertThat(google.count("batch")).isEqualTo(1);
    assertThat(google.count("threads.get")).isEqualTo(10);
    assertThat(without.out().lines())
        .hasSize(10)
        .allSatisfy(l -> assertThat(l).matches("t[0-9a-f]{5}\t\t\t\t.+"));
  }

  @ParameterizedTest(name = "{1} for {0}")
  @CsvSource({
    "t00003, 404, Requested entity was not found., notFound, NOT_FOUND, was deleted while listing",
    "t00004, 400, Invalid id value, invalidArgument, INVALID_ARGUMENT, Invalid id value",
  })
  void threadRefusedInBatch_isPrintedWithoutDetails_withAWarningNamingIt_andTheListingGoesOn(
      String id, int status, String message, String reason, String rpcStatus, String warning) {
    google.failThreadInBatch(
        id, 1, status, GoogleErrors.apiError(status, message, reason, rpcStatus));

    CliRun run = cli.run("threads", "--max", "10");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines()).hasSize(10).anyMatch(l -> l.startsWith(id + "\t\t\t\t"));
    assertThat(run.err()).startsWith("warning: ").contains(id).contains(warning);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(google.count("batch")).isEqualTo(1);
  }

  @Test
  void rateLimitedTwiceInBatch_isRetried_andDetailsArePresent() {
    google.failThreadInBatch("t00002", 2, 429, GoogleErrors.rateLimitExceeded());

    CliRun run = cli.run("threads", "--max", "10");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out().lines())
        .hasSize(10)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("t00002\t2024-03-15T08:43:00Z\t")
                    .contains("\tSubject 2\t"));
    assertThat(google.requests("threads.get").stream().filter(r -> r.path().endsWith("/t00002")))
        .hasSize(3);
    assertThat(google.count("batch")).isEqualTo(3);
    assertThat(cli.sleeper().sleeps()).hasSize(2).allMatch(ms -> ms > 0);
  }

  // ---- retries of threads.list ----

  @Test
  void twoServiceUnavailable_thenSuccess_afterTwoSleeps() {
    google.failNext(THREADS, 2, 503, GoogleErrors.serviceUnavailable());

    CliRun run = cli.run("threads", "--max", "5", "--no-details");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out().lines()).hasSize(5);
    assertThat(google.count("threads.list")).isEqualTo(3);
    assertThat(cli.sleeper().sleeps()).hasSize(2).allMatch(ms -> ms > 0);
    assertThat(cli.sleeper().sleeps().get(1))
        .isGreaterThanOrEqualTo(cli.sleeper().sleeps().get(0) / 3);
  }

  @Test
  void tooManyRequests_withRetryAfter3_waitsExactly3Seconds() {
    google.failNext(THREADS, 1, 429, GoogleErrors.rateLimitExceeded(), Map.of("Retry-After", "3"));

    CliRun run = cli.run("threads", "--max", "5", "--no-details");

    assertThat(run.exitCode()).as(run.err()).isZero();
    // three seconds from Gmail's answer, which came a moment before the wait began
    assertThat(cli.sleeper().sleeps())
        .singleElement()
        .satisfies(ms -> assertThat(ms).isBetween(2_900L, 3_000L));
    assertThat(google.count("threads.list")).isEqualTo(2);
  }

  @Test
  void forbiddenRateLimitExceeded_isRetried() {
    failListingOnce(403, "Rate Limit Exceeded", "rateLimitExceeded", "PERMISSION_DENIED");

    CliRun run = cli.run("threads", "--max", "5", "--no-details");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines()).hasSize(5);
    assertThat(cli.sleeper().sleeps()).hasSize(1);
    assertThat(google.count("threads.list")).isEqualTo(2);
  }

  @Test
  void serviceUnavailableForever_exits5_withinTheBound_sayingWhatHappened() {
    google.failNext(THREADS, 100, 503, GoogleErrors.serviceUnavailable());

    CliRun run = cli.run("threads", "--max", "5", "--no-details");

    assertThat(run.exitCode()).isEqualTo(5);
    assertThat(run.out()).isEmpty();
    // backoff 1 s, 2 s, 4 s … (±50%) until nothing has come for 60 s
    assertThat(google.count("threads.list")).isBetween(5L, 12L);
    assertThat(cli.sleeper().sleeps()).hasSize((int) google.count("threads.list") - 1);
    assertThat(cli.sleeper().totalMillis()).isLessThanOrEqualTo(60_000);
    assertThat(run.err())
        .contains("error: ")
        .contains("list threads")
        .contains("503")
        .contains("gave up after")
        .contains("hint: ");
  }

  @Test
  void retryAfterLongerThanTheBound_givesUpAtOnce_insteadOfSleepingPastIt() {
    google.failNext(
        THREADS, 100, 429, GoogleErrors.rateLimitExceeded(), Map.of("Retry-After", "3600"));

    CliRun run = cli.run("threads", "--max", "5", "--no-details");

    assertThat(run.exitCode()).isEqualTo(5);
    assertThat(cli.sleeper().totalMillis()).isLessThanOrEqualTo(32_000);
    assertThat(run.err()).contains("429").contains("Google asked to wait 3600 s");
  }

  @Test
  void controlCharactersInGmailsMessage_neverReachTheTerminal() {
    failListingOnce(
        400, "Invalid query \u001b[2J\u001b]0;pwned\u0007", "invalid", "INVALID_ARGUMENT");

    CliRun run = cli.run("threads", "--no-details", "--query", "x");

    assertThat(run.exitCode()).isEqualTo(6);
    assertThat(run.err()).contains("Invalid query").doesNotContain("\u001b", "\u0007");
  }

  @Test
  void serviceUnavailableForeverInBatch_exits5_withinTheBound() {
    for (int i = 1; i <= 3; i++) {
      google.failThreadInBatch(
          String.format("t%05x", i), 100, 503, GoogleErrors.serviceUnavailable());
    }

    CliRun run = cli.run("threads", "--max", "5", "--format", "json", "--details");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(5);
    assertThat(google.count("batch")).isBetween(5L, 13L);
    assertThat(cli.sleeper().totalMillis()).isLessThanOrEqualTo(60_000);
    assertThat(run.err()).contains("503").contains("thread");
  }

  // ---- 401: one forced refresh ----

  @Test
  void accessTokenRejectedBeforePage2_refreshesOnce_savesIt_andContinues() throws Exception {
    google.mailbox().generate(600);
    cli.transport(new BeforeRequestTransport("/threads?", 2, google::expireAccessTokens));

    CliRun run = cli.run("threads", "--max", "600", "--format", "ndjson");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines()).hasSize(600).doesNotHaveDuplicates();
    assertThat(google.count("token.refresh")).isEqualTo(1);
    assertThat(google.requests("threads.list"))
        .extracting(RecordedRequest::status)
        .containsExactly(200, 401, 200);
    String saved =
        JsonParser.parseString(Files.readString(cli.tokenPath()))
            .getAsJsonObject()
            .get("token")
            .getAsString();
    assertThat(google.requests("threads.list").get(2).header("authorization"))
        .isEqualTo("Bearer " + saved);
  }

  @Test
  void accessTokenRejectedInsideBatch_refreshesOnce_andDetailsArePresent() {
    cli.transport(new BeforeRequestTransport("/batch", 1, google::expireAccessTokens));

    CliRun run = cli.run("threads", "--max", "10");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines())
        .hasSize(10)
        .allSatisfy(l -> assertThat(l.split("\t", -1)[3]).isNotEmpty());
    assertThat(google.count("token.refresh")).isEqualTo(1);
  }

  // ---- Gmail refuses ----

  @Test
  void invalidPageToken_400_exits6_withGmailsMessage_withoutRetrying() {
    CliRun run = cli.run("threads", "--page-token", "not-a-real-token", "--no-details");

    assertThat(run.exitCode()).isEqualTo(6);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("Invalid pageToken").contains("hint: ");
    assertThat(google.count("threads.list")).isEqualTo(1);
    assertThat(cli.sleeper().sleeps()).isEmpty();
  }

  @Test
  void accessTokenOnlyAllowsMetadata_queryForbidden_exits3_namingTheScopeToLogInWith()
      throws Exception {
    // token.json claims gmail.readonly, but Google granted the access token gmail.metadata only
    cli.token(
        TokenFixtures.python(
            google.seedAccessToken(METADATA),
            google.seedRefreshToken(METADATA),
            TestClock.NOW.plusSeconds(3599),
            List.of(TokenFixtures.READONLY),
            "https://oauth2.googleapis.com/token"));
    byte[] before = Files.readAllBytes(cli.tokenPath());

    CliRun run = cli.run("threads", "--query", "x", "--no-details");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains("scope")
        .contains("gmailcli login --scope https://www.googleapis.com/auth/gmail.readonly");
    assertThat(google.count("threads.list")).isEqualTo(1);
    assertThat(google.requests("threads.list").get(0).status()).isEqualTo(403);
    assertThat(cli.sleeper().sleeps()).isEmpty();
    assertThat(Files.readAllBytes(cli.tokenPath())).isEqualTo(before);
  }

  @Test
  void tokenJsonWithOnlyMetadataScope_exits3_beforeCallingGmail() throws Exception {
    cli.token(TokenFixtures.valid(google, TestClock.NOW, METADATA));

    CliRun run = cli.run("threads", "--query", "x");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("gmail.readonly").contains("gmailcli login --scope");
    assertThat(google.requests()).isEmpty();
  }

  /** The next threads.list gets Google's error envelope with this status. */
  private void failListingOnce(int status, String message, String reason, String rpcStatus) {
    google.failNext(THREADS, 1, status, GoogleErrors.apiError(status, message, reason, rpcStatus));
  }
}
