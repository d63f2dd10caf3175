package dev.gmailcli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailcli.harness.CliHarness;
import dev.gmailcli.harness.CliRun;
import dev.gmailcli.harness.SimulatedClock;
import dev.gmailcli.harness.TestClock;
import dev.gmailcli.harness.TokenFixtures;
import dev.gmailcli.harness.WithGoogleStandIn;
import dev.gmailcli.platform.Terminal;
import dev.gmailcli.standin.GoogleErrors;
import dev.gmailcli.standin.GoogleStandIn;
import dev.gmailcli.standin.StandInMailbox.MailThread;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Listings at Gmail's real quota, in scaled time: the stand-in enforces a per-user quota on a
 * simulated clock that moves only when gmailcli sleeps, so a listing that waits most of a minute
 * for the quota runs in a second and its waits are measured exactly.
 */
@WithGoogleStandIn
class ThreadsQuotaE2ETest {
  /** Gmail's average: 250 units a second, here over a sliding 10 s window. */
  static final int WINDOW_UNITS = 2_500;

  static final Duration WINDOW = Duration.ofSeconds(10);

  final SimulatedClock clock = new SimulatedClock(TestClock.NOW);
  GoogleStandIn google;
  CliHarness cli;

  @BeforeEach
  void scaledTime() throws Exception {
    google.quotaClock(clock);
    cli.clock(clock).sleeper().alsoAdvancing(clock);
    cli.token(TokenFixtures.valid(google, TestClock.NOW));
  }

  @Test
  void thousandThreadsWithDetails_underGmailsQuota_completeAtItsPace_withFewRefusals() {
    google.mailbox().generate(1_100);
    google.quota(WINDOW_UNITS, WINDOW);

    CliRun run = cli.run("threads", "-n", "1000", "--label", "INBOX");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out().lines())
        .hasSize(1_000)
        .allSatisfy(
            line -> {
              String[] fields = line.split("\t", -1);
              assertThat(fields[1]).as("date").isNotEmpty();
              assertThat(fields[2]).as("from").isNotEmpty();
              assertThat(fields[3]).as("subject").isNotEmpty();
            });
    long calls = google.count("threads.list") + google.count("threads.get");
    assertThat(google.quotaRefused()).isLessThanOrEqualTo(calls / 20);
    // 2 × 10 + 1,000 × 10 units. The floor, (10,020 − 2,500) ÷ 250 = 30 s, holds for a
    // bucket; a sliding 10 s window of 2,500 takes at least 40 s for them, whoever sends them:
    // any 40 s span is four windows. Within 1.2 times that, and far within 2 × 30 s.
    assertThat(google.quotaUnits()).isEqualTo(10_020);
    assertThat(clock.elapsed()).isBetween(Duration.ofSeconds(40), Duration.ofSeconds(48));
  }

  @Test
  void theBudgetIsShared_listCallsAndBatchPartsAlike() {
    google.mailbox().generate(700);

    CliRun run = cli.run("threads", "-n", "600");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(google.count("threads.list")).isEqualTo(2);
    assertThat(google.count("threads.get")).isEqualTo(600);
    // 2 lists and 600 gets at 10 units each, less the 2,500 at hand, at 250 units a second
    assertThat(clock.elapsed().toMillis()).isBetween(14_080L, 14_100L);
  }

  @Test
  void noDetails_costTenUnitsPer500Threads_andNeverWait() {
    google.mailbox().generate(5_500);

    CliRun run = cli.run("threads", "-n", "5000", "--format", "ndjson");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines()).hasSize(5_000);
    assertThat(google.count("threads.list")).isEqualTo(10);
    assertThat(cli.sleeper().sleeps()).isEmpty();
  }

  @Test
  void retryAfterTimeInGmailsMessage_isWaited_andOnlyTheRefusedPartIsSentAgain() {
    google.mailbox().generate(20);
    Instant retryAt = clock.instant().plusSeconds(7);
    google.failThreadInBatch("t00003", 1, 429, GoogleErrors.userRateLimitExceeded(retryAt));

    CliRun run = cli.run("threads", "-n", "10");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines())
        .hasSize(10)
        .anySatisfy(l -> assertThat(l).startsWith("t00003\t2024-").contains("\tSubject 3\t"));
    assertThat(google.count("batch")).isEqualTo(2);
    assertThat(google.requests("threads.get")).hasSize(11);
    assertThat(cli.sleeper().sleeps())
        .singleElement()
        .satisfies(ms -> assertThat(ms).isBetween(7_000L, 7_100L));
  }

  @Test
  void permanentFailureMidListing_keepsWhatWasPrinted_inOrder_andSaysWhereItStopped() {
    google.mailbox().generate(700);
    List<String> listable = listable();
    String failing = listable.get(383);
    google.failThreadInBatch(failing, 10_000, 503, GoogleErrors.serviceUnavailable());

    CliRun run = cli.run("threads", "-n", "600");

    assertThat(run.exitCode()).isEqualTo(5);
    assertThat(run.out().lines().map(l -> l.split("\t", -1)[0]))
        .containsExactlyElementsOf(listable.subList(0, 383));
    assertThat(run.out().lines()).allSatisfy(l -> assertThat(l.split("\t", -1)[3]).isNotEmpty());
    assertThat(run.err())
        .contains("error: could not fetch thread details: ")
        .contains("503")
        .contains("stopped after listing 500 threads, details of 117 of them missing")
        .contains("hint: ");
    // it kept trying the failing thread until nothing had come for 60 s
    assertThat(clock.elapsed()).isGreaterThan(Duration.ofSeconds(40));
  }

  @Test
  void permanentFailureMidListing_ndjsonToo() {
    google.mailbox().generate(120);
    String failing = listable().get(70);
    google.failThreadInBatch(failing, 10_000, 503, GoogleErrors.serviceUnavailable());

    CliRun run = cli.run("threads", "-n", "100", "--format", "ndjson", "--details");

    assertThat(run.exitCode()).isEqualTo(5);
    assertThat(run.out().lines())
        .hasSize(70)
        .allSatisfy(l -> assertThat(l).contains("\"subject\""));
    assertThat(run.err())
        .contains("stopped after listing 100 threads, details of 30 of them missing");
  }

  @Test
  void verbose_endsWithTheQuotaSpent() {
    google.mailbox().generate(700);
    google.quota(WINDOW_UNITS, WINDOW);

    CliRun run = cli.run("threads", "-n", "400", "--verbose");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.err().lines().toList();
    assertThat(lines.get(lines.size() - 1))
        .matches("debug: quota: 4010 units spent, \\d+ calls? refused, \\d+\\.\\d s waited");
  }

  @Test
  void atATerminal_theProgressLineSaysWhenItWaitsForGmailsRateLimit() {
    google.mailbox().generate(700);
    cli.terminal(new Terminal(false, false, true, 80));

    CliRun run = cli.run("threads", "-n", "600");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines()).hasSize(600);
    assertThat(run.err())
        .contains("listing threads: ")
        .contains(" waiting for Gmail's rate limit")
        .endsWith("\r\033[K")
        .doesNotContain("\n");
  }

  private List<String> listable() {
    return google.mailbox().threads().stream()
        .filter(t -> !t.labelIds().contains("SPAM") && !t.labelIds().contains("TRASH"))
        .map(MailThread::id)
        .toList();
  }
}
