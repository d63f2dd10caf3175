package dev.gmailcli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gmailcli.harness.CliRun;
import dev.gmailcli.harness.TestClock;
import dev.gmailcli.harness.TokenFixtures;
import dev.gmailcli.harness.WithGoogleStandIn;
import dev.gmailcli.platform.Terminal;
import dev.gmailcli.standin.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code threads --new}: the first run only marks where now is, later runs print each thread that
 * received mail once, and a run with nothing new costs one users.history.list call.
 */
@WithGoogleStandIn
class NewThreadsE2ETest extends NewMailFixture {

  @BeforeEach
  void login() throws Exception {
    savedLogin();
  }

  @Test
  void firstRun_printsNothing_andRecordsWhereNowIs_withOneProfileCall() throws Exception {
    CliRun run = news(0);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEmpty();
    assertThat(google.requests()).extracting(RecordedRequest::kind).containsExactly("profile");
    Path cursor = cursorFiles().get(0);
    assertThat(cursorFiles()).hasSize(1);
    assertThat(cursor.getFileName().toString()).matches("filter-[0-9a-f]{16}\\.json");
    JsonObject saved = JsonParser.parseString(Files.readString(cursor)).getAsJsonObject();
    assertThat(saved.get("historyId").getAsString())
        .isEqualTo(Long.toString(google.mailbox().historyId()));
    assertThat(saved.get("lastRun").getAsString()).isEqualTo("2024-03-15T12:00:00Z");
    assertThat(saved.get("account").getAsString()).isEqualTo(ACCOUNT);
    assertThat(Files.readString(cursor)).doesNotContain("ya29", "1//", "secret");
    assertThat(Files.getPosixFilePermissions(cursor))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(cursor.getParent()))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(Files.getPosixFilePermissions(cursor.getParent().getParent()))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
  }

  @Test
  void twoNewThreadsAndAReply_areExactlyThoseThree_newestFirst_once() {
    news(0);
    deliver("new1", "Lunch on Friday?", 1);
    deliver("new2", "Quarterly report", 2);
    deliver("t00003", "Re: Subject 3", 3);

    CliRun first = news(5, "--format", "ndjson");
    CliRun second = news(6, "--format", "ndjson");

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.err()).isEmpty();
    assertThat(ids(first)).containsExactly("t00003", "new2", "new1");
    assertThat(first.out().lines().findFirst().orElseThrow())
        .isEqualTo(
            "{\"id\":\"t00003\",\"snippet\":\"About Re: Subject 3\",\"historyId\":\""
                + google.mailbox().historyId()
                + "\"}");
    assertThat(second.exitCode()).isZero();
    assertThat(second.out()).isEmpty();
  }

  @Test
  void nothingNew_isOneHistoryCall_noListing_noOutput_andExit7WithFailEmpty() {
    news(0);
    google.clearRequests();

    CliRun quiet = news(5);
    CliRun failing = news(6, "--fail-empty");

    assertThat(quiet.exitCode()).isZero();
    assertThat(quiet.out()).isEmpty();
    assertThat(quiet.err()).isEmpty();
    assertThat(failing.exitCode()).isEqualTo(7);
    assertThat(failing.out()).isEmpty();
    assertThat(failing.err()).isEmpty();
    assertThat(google.requests())
        .extracting(RecordedRequest::kind)
        .containsExactly("history.list", "history.list");
    assertThat(google.requests().get(0).param("startHistoryId"))
        .isEqualTo(Long.toString(google.mailbox().historyId()));
    assertThat(google.requests().get(0).params("historyTypes")).containsExactly("messageAdded");
  }

  @Test
  void withNews_theCostIsHistoryAndOneBatch_andFailEmptyExits0() {
    news(0);
    deliver("new1", "Hello", 1);
    google.clearRequests();

    CliRun run = news(5, "--fail-empty", "--format", "ndjson");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(ids(run)).containsExactly("new1");
    assertThat(google.requests())
        .extracting(RecordedRequest::kind)
        .containsExactly("history.list", "threads.get", "batch");
  }

  @Test
  void aReplyToAThreadPrintedBefore_isPrintedAgain() {
    news(0);
    deliver("new1", "Question", 1);
    CliRun first = news(2, "--format", "ndjson");
    deliver("new1", "Re: Question", 3);

    CliRun second = news(4, "--format", "ndjson");

    assertThat(ids(first)).containsExactly("new1");
    assertThat(ids(second)).containsExactly("new1");
  }

  @Test
  void mailTheAccountSent_doesNotCountWithoutAFilter_butMailToItselfDoes() {
    news(0);
    deliverFrom("new1", "Sent away", ACCOUNT, 1, "SENT");
    deliverFrom("self", "Note to self", ACCOUNT, 2, "SENT", "INBOX");
    deliver("draft", "Unfinished", 3, "DRAFT");

    CliRun run = news(5, "--format", "ndjson");

    assertThat(ids(run)).containsExactly("self");
  }

  @Test
  void explicitMax_printsTheNewest_saysHowManyMoreWereSkipped_andMovesPastThemAll() {
    news(0);
    for (int i = 1; i <= 5; i++) {
      deliver("new" + i, "Mail " + i, i);
    }

    CliRun limited = news(10, "--max", "2");
    CliRun after = news(11);

    assertThat(ids(limited)).containsExactly("new5", "new4");
    assertThat(limited.err())
        .isEqualTo(
            "warning: skipped 3 older new thread(s) beyond --max 2; the cursor moves past them\n");
    assertThat(after.out()).isEmpty();
  }

  @Test
  void tsv_andTable_carryDetails_asTheListingDoes() {
    news(0);
    deliver("new1", "Lunch on Friday?", 1);

    CliRun tsv = news(2);
    deliver("new2", "Quarterly report", 3);
    CliRun table = cli.terminal(new Terminal(false, true, false, 100)).run("threads", "--new");

    assertThat(tsv.out())
        .isEqualTo(
            "new1\t2024-03-15T12:01:00Z\tAlice Example <alice@example.com>\tLunch on Friday?"
                + "\tAbout Lunch on Friday?\n");
    assertThat(table.out()).contains("Alice Example", "Quarterly report").doesNotContain("new1");
  }

  @Test
  void json_isOneDocumentWhenThereIsNews_andNothingOtherwise() {
    news(0);
    CliRun nothing = news(1, "--format", "json");
    deliver("new1", "Hello", 2);

    CliRun some = news(3, "--format", "json", "--details");

    assertThat(nothing.out()).isEmpty();
    JsonObject json = JsonParser.parseString(some.out()).getAsJsonObject();
    assertThat(json.getAsJsonArray("threads")).hasSize(1);
    JsonObject thread = json.getAsJsonArray("threads").get(0).getAsJsonObject();
    assertThat(thread.get("subject").getAsString()).isEqualTo("Hello");
    assertThat(thread.getAsJsonArray("labelIds").toString()).isEqualTo("[\"INBOX\",\"UNREAD\"]");
    assertThat(json.has("nextPageToken")).isFalse();
  }

  @Test
  void aLoginThatDoesNotRecordItsAccount_asksGmailWhoseMailboxItIs() throws Exception {
    cli.token(TokenFixtures.valid(google, TestClock.NOW));
    news(0);
    google.clearRequests();

    CliRun run = news(1);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(google.requests())
        .extracting(RecordedRequest::kind)
        .containsExactly("profile", "history.list");
    assertThat(Files.readString(cursorFiles().get(0))).contains("\"account\": \"" + ACCOUNT);
  }

  @Test
  void atATerminal_theFirstRunSaysWhatItDid() {
    CliRun run = cli.interactive().run("threads", "--new", "--query", "invoice");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "Started following new mail for --query 'invoice': the next `threads --new` prints"
                + " what arrives from now on.\n");
  }
}
