package dev.gmailcli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gmailcli.harness.CliHarness;
import dev.gmailcli.harness.CliRun;
import dev.gmailcli.harness.TestClock;
import dev.gmailcli.harness.TokenFixtures;
import dev.gmailcli.harness.WithGoogleStandIn;
import dev.gmailcli.platform.Terminal;
import dev.gmailcli.standin.GoogleErrors;
import dev.gmailcli.standin.GoogleStandIn;
import dev.gmailcli.standin.StandInMailbox.MailThread;
import dev.gmailcli.standin.StandInMailbox.Msg;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 3, "threads at scale": paging with exactly what is still needed, filters, progress on a
 * terminal's stderr, and usage errors — through the real entry point against the stand-in.
 */
@WithGoogleStandIn
class ThreadsPagingE2ETest {
  /** Generated threads 1..1278 leave exactly 1,176 outside Spam and Trash (i % 25 == 7, 13). */
  static final int GENERATED = 1278;

  static final int LISTABLE = 1176;

  GoogleStandIn google;
  CliHarness cli;

  @BeforeEach
  void savedLogin() throws Exception {
    cli.token(TokenFixtures.valid(google, TestClock.NOW));
  }

  // ---- paging ----

  @Test
  void emptyMailbox_printsEmptyThreadsArray() {
    CliRun run = cli.run("threads", "--format", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
    assertThat(json.getAsJsonArray("threads")).isEmpty();
    assertThat(json.has("nextPageToken")).isFalse();
    assertThat(json.get("resultSizeEstimate").getAsLong()).isZero();
  }

  @Test
  void max1200_over1176Threads_makesThreeListCalls_500_500_200_andPrintsAll() {
    google.mailbox().generate(GENERATED);
    assertThat(listable()).hasSize(LISTABLE);

    CliRun run = cli.run("threads", "--max", "1200", "--format", "ndjson");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(maxResultsSent()).containsExactly("500", "500", "200");
    assertThat(run.out().lines()).hasSize(LISTABLE);
    assertThat(run.out().lines().map(ThreadsPagingE2ETest::idOfJsonLine))
        .containsExactlyElementsOf(listable().stream().map(MailThread::id).toList());
    assertThat(google.count("batch")).isZero();
  }

  @Test
  void max7_makesOneCallForExactly7() {
    google.mailbox().generate(50);

    CliRun run = cli.run("threads", "--max", "7", "--no-details");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(maxResultsSent()).containsExactly("7");
    assertThat(run.out().lines()).hasSize(7);
  }

  @Test
  void max501_asksFor500ThenExactly1() {
    google.mailbox().generate(600);

    CliRun run = cli.run("threads", "--max", "501", "--format", "ndjson");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(maxResultsSent()).containsExactly("500", "1");
    assertThat(google.requests("threads.list").get(1).param("pageToken")).isNotBlank();
    assertThat(run.out().lines()).hasSize(501).doesNotHaveDuplicates();
  }

  @Test
  void max500InJson_endsOnAPageBoundary_andItsNextPageTokenContinuesAtThread501() {
    google.mailbox().generate(GENERATED);
    CliRun first = cli.run("threads", "--max", "500", "--format", "json");
    assertThat(first.exitCode()).as(first.err()).isZero();
    JsonObject firstJson = JsonParser.parseString(first.out()).getAsJsonObject();
    assertThat(ids(firstJson)).hasSize(500);

    CliRun rest =
        cli.run(
            "threads",
            "--max",
            "1000",
            "--format",
            "json",
            "--page-token",
            firstJson.get("nextPageToken").getAsString());

    assertThat(rest.exitCode()).as(rest.err()).isZero();
    JsonObject restJson = JsonParser.parseString(rest.out()).getAsJsonObject();
    assertThat(restJson.has("nextPageToken")).isFalse();
    List<String> all = new ArrayList<>(ids(firstJson));
    all.addAll(ids(restJson));
    assertThat(all).containsExactlyElementsOf(listable().stream().map(MailThread::id).toList());
    assertThat(maxResultsSent()).containsExactly("500", "500", "500");
  }

  @Test
  void pageToken_continuesWherePrintedNextPageTokenLeftOff_withoutOverlap() {
    google.mailbox().generate(30);
    CliRun first = cli.run("threads", "--max", "5", "--format", "json");
    assertThat(first.exitCode()).as(first.err()).isZero();
    JsonObject firstJson = JsonParser.parseString(first.out()).getAsJsonObject();
    String token = firstJson.get("nextPageToken").getAsString();

    CliRun second = cli.run("threads", "--max", "5", "--format", "json", "--page-token", token);

    assertThat(second.exitCode()).as(second.err()).isZero();
    List<String> firstIds = ids(firstJson);
    List<String> secondIds = ids(JsonParser.parseString(second.out()).getAsJsonObject());
    assertThat(firstIds).containsExactly("t00001", "t00002", "t00003", "t00004", "t00005");
    // t00007 is in Spam, so it is skipped
    assertThat(secondIds).containsExactly("t00006", "t00008", "t00009", "t0000a", "t0000b");
    assertThat(google.requests("threads.list").get(1).param("pageToken")).isEqualTo(token);
  }

  // ---- filters ----

  @Test
  void query_isSentAsQ_andOnlyMatchingThreadsArePrinted() {
    google.mailbox().generate(20);
    addOneMessageThread(
        "zebra1", "INBOX", "Zebra crossing", "Zed <zed@example.com>", "2024-03-01T08:00:00Z");

    CliRun run = cli.run("threads", "--query", "zebra", "--no-details");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(google.requests("threads.list").get(0).param("q")).isEqualTo("zebra");
    assertThat(run.out().lines()).singleElement().asString().startsWith("zebra1\t");
  }

  @Test
  void repeatedLabelIds_areSentAsRepeatedLabelIds_withoutLabelsList() {
    google.mailbox().generate(40);

    CliRun run =
        cli.run("threads", "--label", "INBOX", "--label", "UNREAD", "--max", "100", "--no-details");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(google.count("labels.list")).isZero();
    assertThat(google.requests("threads.list").get(0).params("labelIds"))
        .containsExactly("INBOX", "UNREAD");
    List<String> expected =
        listable().stream()
            .filter(t -> t.labelIds().containsAll(List.of("INBOX", "UNREAD")))
            .map(MailThread::id)
            .toList();
    assertThat(expected).isNotEmpty();
    assertThat(run.out().lines().map(l -> l.split("\t", -1)[0]))
        .containsExactlyElementsOf(expected);
  }

  @Test
  void userLabelName_isResolvedWithExactlyOneLabelsListCall() {
    google.mailbox().generate(10).addLabel("Label_42", "My Label");
    addOneMessageThread(
        "labelled1", "Label_42", "Tagged", "Ann <ann@example.com>", "2024-03-02T08:00:00Z");

    CliRun run = cli.run("threads", "--label", "My Label", "--no-details");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(google.count("labels.list")).isEqualTo(1);
    assertThat(google.requests("threads.list").get(0).params("labelIds"))
        .containsExactly("Label_42");
    assertThat(run.out().lines()).singleElement().asString().startsWith("labelled1\t");
  }

  @Test
  void unknownLabelName_exits6_withoutListing() {
    google.mailbox().generate(10).addLabel("Label_42", "My Label");

    CliRun run = cli.run("threads", "--label", "No Such Label");

    assertThat(run.exitCode()).isEqualTo(6);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("No Such Label").contains("My Label");
    assertThat(google.count("labels.list")).isEqualTo(1);
    assertThat(google.count("threads.list")).isZero();
  }

  @Test
  void includeSpamTrash_listsThreadsHiddenOtherwise() {
    google.mailbox().generate(30); // t00007 (SPAM), t0000d (TRASH)

    CliRun hidden = cli.run("threads", "--max", "100", "--no-details");
    CliRun shown = cli.run("threads", "--max", "100", "--no-details", "--include-spam-trash");

    assertThat(hidden.exitCode()).as(hidden.err()).isZero();
    assertThat(shown.exitCode()).as(shown.err()).isZero();
    assertThat(hidden.out().lines())
        .hasSize(28)
        .noneMatch(l -> l.startsWith("t00007\t"))
        .noneMatch(l -> l.startsWith("t0000d\t"));
    assertThat(shown.out().lines())
        .hasSize(30)
        .anyMatch(l -> l.startsWith("t00007\t"))
        .anyMatch(l -> l.startsWith("t0000d\t"));
    assertThat(google.requests("threads.list").get(0).param("includeSpamTrash")).isNull();
    assertThat(google.requests("threads.list").get(1).param("includeSpamTrash")).isEqualTo("true");
  }

  // ---- progress ----

  @Test
  void stderrTerminal_multiPageListing_drawsProgress_andClearsIt() {
    google.mailbox().generate(700);
    cli.terminal(new Terminal(false, false, true, 80));

    CliRun run = cli.run("threads", "--max", "600", "--format", "ndjson");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines()).hasSize(600);
    assertThat(run.err()).contains("listing threads").endsWith("\r\033[K").doesNotContain("\n");
  }

  @Test
  void stderrTerminal_singlePage_drawsNothing() {
    google.mailbox().generate(20);
    cli.terminal(new Terminal(false, false, true, 80));

    CliRun run = cli.run("threads", "--max", "10", "--format", "ndjson");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
  }

  @Test
  void noTerminal_multiPageListing_leavesStderrEmpty() {
    google.mailbox().generate(700);

    CliRun run = cli.run("threads", "--max", "600", "--format", "ndjson");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(google.count("threads.list")).isEqualTo(2);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void stderrTerminal_failureAfterFirstPage_printsErrorOnAClearedLine() {
    google.mailbox().generate(700);
    cli.terminal(new Terminal(false, false, true, 80));
    cli.transport(
        new BeforeRequestTransport(
            "/threads?",
            2,
            () ->
                google.failNext(
                    "/gmail/v1/users/me/threads", 100, 503, GoogleErrors.serviceUnavailable())));

    CliRun run = cli.run("threads", "--max", "600", "--format", "ndjson");

    assertThat(run.exitCode()).isEqualTo(5);
    assertThat(run.err()).contains("listing threads").containsPattern("(\r\033\\[K|\n)error: ");
  }

  @Test
  void stderrTerminal_warningDuringProgress_startsOnItsOwnLine() {
    google.mailbox().generate(700);
    cli.terminal(new Terminal(false, false, true, 80));
    google.failThreadInBatch(
        "t00258",
        1,
        404,
        GoogleErrors.apiError(404, "Requested entity was not found.", "notFound", "NOT_FOUND"));

    CliRun run = cli.run("threads", "--max", "600");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines()).hasSize(600).anyMatch(l -> l.startsWith("t00258\t"));
    assertThat(run.err())
        .contains("t00258")
        .containsPattern("(\r\033\\[K|\n)warning: ")
        .endsWith("\r\033[K");
  }

  // ---- usage errors ----

  @ParameterizedTest
  @ValueSource(strings = {"--max=0", "--max=-1", "--max=abc", "--format=xml", "--max=", "-n0"})
  void badOptionValue_exits2_printsNothing_andMakesNoRequest(String option) {
    google.mailbox().generate(5);

    CliRun run = cli.run("threads", option);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("error: ").contains("threads --help");
    assertThat(google.requests()).isEmpty();
  }

  @Test
  void maxMinusOneAsSeparateArgument_exits2() {
    CliRun run = cli.run("threads", "--max", "-1");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(google.requests()).isEmpty();
  }

  // ---- helpers ----

  private List<MailThread> listable() {
    return google.mailbox().threads().stream()
        .filter(t -> !t.labelIds().contains("SPAM") && !t.labelIds().contains("TRASH"))
        .toList();
  }

  /** A thread with one INBOX message, and {@code label} on the thread. */
  private void addOneMessageThread(
      String id, String label, String subject, String from, String sentAt) {
    String snippet = "snippet of " + id;
    google
        .mailbox()
        .addThread(
            id,
            snippet,
            42,
            List.of(label),
            List.of(
                new Msg(subject, from, null, Instant.parse(sentAt), List.of("INBOX"), snippet)));
  }

  private List<String> maxResultsSent() {
    return google.requests("threads.list").stream().map(r -> r.param("maxResults")).toList();
  }

  private static String idOfJsonLine(String line) {
    return JsonParser.parseString(line).getAsJsonObject().get("id").getAsString();
  }

  private static List<String> ids(JsonObject listing) {
    return listing.getAsJsonArray("threads").asList().stream()
        .map(JsonElement::getAsJsonObject)
        .map(o -> o.get("id").getAsString())
        .toList();
  }
}
