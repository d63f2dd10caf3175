package dev.gmailcli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gmailcli.harness.CliRun;
import dev.gmailcli.harness.TestClock;
import dev.gmailcli.harness.WithGoogleStandIn;
import dev.gmailcli.standin.RecordedRequest;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@code threads --new} does so that nothing is lost: Gmail's history expired (a listing back
 * to the last run instead), output that could not be written (the cursor stays), and Gmail failing
 * midway (the cursor stays).
 */
@WithGoogleStandIn
class NewThreadsRecoveryE2ETest extends NewMailFixture {

  @BeforeEach
  void login() throws Exception {
    savedLogin();
  }

  @Test
  void expiredHistory_listsWhatArrivedSinceTheLastRun_warnsOnce_andResetsTheCursor()
      throws Exception {
    news(0);
    deliver("new1", "First", 30);
    deliver("t00004", "Re: Subject 4", 120);
    deliverFrom("new2", "Sent away", ACCOUNT, 130, "SENT");
    google.mailbox().keepHistoryFrom(google.mailbox().historyId());
    google.clearRequests();

    CliRun run = news(24 * 60, "--format", "ndjson");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(ids(run)).containsExactly("t00004", "new1");
    assertThat(run.err())
        .isEqualTo(
            "warning: Gmail's history no longer reaches back to the last run"
                + " (2024-03-15T12:00:00Z), so gmailcli listed what arrived since"
                + " 2024-03-15T11:00:00Z instead; a few threads printed before may be printed"
                + " again\n");
    // a day later the access token is refreshed first; the listing also names the sent thread
    assertThat(google.requests())
        .extracting(RecordedRequest::kind)
        .filteredOn(kind -> !kind.startsWith("token"))
        .containsExactly(
            "history.list",
            "profile",
            "messages.list",
            "threads.get",
            "threads.get",
            "threads.get",
            "batch");
    long hourBefore = TestClock.NOW.minus(Duration.ofHours(1)).getEpochSecond();
    assertThat(google.requests("messages.list").get(0).param("q")).isEqualTo("after:" + hourBefore);
    JsonObject saved =
        JsonParser.parseString(Files.readString(cursorFiles().get(0))).getAsJsonObject();
    assertThat(saved.get("historyId").getAsString())
        .isEqualTo(Long.toString(google.mailbox().historyId()));
    assertThat(saved.get("lastRun").getAsString()).isEqualTo("2024-03-16T12:00:00Z");

    google.clearRequests();
    CliRun next = news(24 * 60 + 5);
    assertThat(next.out()).isEmpty();
    assertThat(next.err()).isEmpty();
    assertThat(google.requests()).extracting(RecordedRequest::kind).containsExactly("history.list");
  }

  @Test
  void expiredHistory_withAQuery_listsOnlyWhatMatches() {
    news(0, "--query", "invoice");
    deliver("inv", "Invoice 3", 10);
    deliver("other", "Hello", 11);
    google.mailbox().keepHistoryFrom(google.mailbox().historyId());
    google.clearRequests();

    CliRun run = news(60, "--query", "invoice", "--format", "ndjson");

    assertThat(ids(run)).containsExactly("inv");
    assertThat(google.requests("messages.list").get(0).param("q")).startsWith("(invoice) after:");
  }

  @Test
  void outputThatCannotBeWritten_leavesTheCursorWhereItWas_andTheNextRunRepeats() throws Exception {
    news(0);
    deliver("new1", "Hello", 1);
    Path cursor = cursorFiles().get(0);
    byte[] before = Files.readAllBytes(cursor);

    CliRun closed = cli.out(closedPipe()).run("threads", "--new", "--format", "ndjson");
    byte[] afterClosed = Files.readAllBytes(cursor);
    CliRun again = cli.out(null).run("threads", "--new", "--format", "ndjson");

    assertThat(afterClosed).isEqualTo(before);
    assertThat(closed.exitCode()).isZero();
    assertThat(closed.err())
        .isEqualTo(
            "warning: the output could not be written completely (closed early?), so the cursor"
                + " stays where it was: the next run prints these threads again\n");
    assertThat(ids(again)).containsExactly("new1");
    assertThat(Files.readAllBytes(cursor)).isNotEqualTo(before);
  }

  @Test
  void gmailFailingMidway_leavesTheCursorWhereItWas() throws Exception {
    news(0);
    deliver("new1", "Hello", 1);
    Path cursor = cursorFiles().get(0);
    byte[] before = Files.readAllBytes(cursor);
    google.failNext("/batch", 1_000, 503, "{}"); // until the run gives up

    CliRun failed = news(5);
    google.clearFaults();

    assertThat(failed.exitCode()).isEqualTo(5);
    assertThat(failed.out()).isEmpty();
    assertThat(Files.readAllBytes(cursor)).isEqualTo(before);
    assertThat(ids(news(6, "--format", "ndjson"))).containsExactly("new1");
  }

  private static Writer closedPipe() {
    return new Writer() {
      @Override
      public void write(char[] buffer, int offset, int length) throws IOException {
        throw new IOException("Broken pipe");
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }
}
