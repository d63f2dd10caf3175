package dev.gmailcli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gmailcli.harness.CliRun;
import dev.gmailcli.harness.Golden;
import dev.gmailcli.harness.TestClock;
import dev.gmailcli.harness.WithGoogleStandIn;
import dev.gmailcli.standin.GoogleErrors;
import dev.gmailcli.standin.RecordedRequest;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How {@code threads --new} applies --query and --label to the arrivals: a thread is printed when a
 * message that arrived in it matches, as Gmail itself judges the query; and each filter, each
 * {@code --cursor} name, keeps its own place.
 */
@WithGoogleStandIn
class NewThreadsFiltersE2ETest extends NewMailFixture {

  @BeforeEach
  void login() throws Exception {
    savedLogin();
    google.mailbox().addLabel("Label_5", "Receipts");
  }

  @Test
  void query_printsTheThreadsWhoseNewMessageMatches_asGmailSearchesThem() {
    news(0, "--query", "invoice");
    deliver("inv", "Invoice 7", 1);
    deliver("lunch", "Lunch?", 2);
    google.clearRequests();

    CliRun run = news(5, "--query", "invoice", "--format", "ndjson");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(ids(run)).containsExactly("inv");
    RecordedRequest search = google.requests("messages.list").get(0);
    long dayBeforeFirstArrival =
        TestClock.NOW.plus(Duration.ofMinutes(1)).minus(Duration.ofDays(1)).getEpochSecond();
    assertThat(search.param("q")).isEqualTo("(invoice) after:" + dayBeforeFirstArrival);
    assertThat(google.requests())
        .extracting(RecordedRequest::kind)
        .containsExactly("history.list", "threads.get", "threads.get", "batch", "messages.list");
  }

  @Test
  void query_aNewMessageThatDoesNotMatch_inAThreadThatDoes_isNotNews() {
    deliver("inv", "Invoice 7", -10);
    news(0, "--query", "invoice");
    deliver("inv", "Re: lunch afterwards?", 1);

    CliRun run = news(5, "--query", "invoice");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEmpty();
  }

  @Test
  void query_mailTheAccountSent_countsWhenItMatches() {
    news(0, "--query", "invoice");
    news(0);
    deliverFrom("inv", "Invoice 12 for you", ACCOUNT, 1, "SENT");

    CliRun filtered = news(5, "--query", "invoice", "--format", "ndjson");
    CliRun unfiltered = news(5, "--format", "ndjson");

    assertThat(ids(filtered)).containsExactly("inv");
    assertThat(unfiltered.out()).isEmpty();
  }

  @Test
  void query_spamCountsOnlyWhenAskedFor() {
    news(0, "--query", "prize");
    news(0, "--query", "prize", "--include-spam-trash");
    deliver("junk", "You won a prize", 1, "SPAM");

    CliRun plain = news(5, "--query", "prize");
    CliRun withSpam = news(5, "--query", "prize", "--include-spam-trash", "--format", "ndjson");

    assertThat(plain.out()).isEmpty();
    assertThat(ids(withSpam)).containsExactly("junk");
  }

  @Test
  void label_byNameOrId_countsTheNewMessagesThatCarryIt() {
    news(0, "--label", "Receipts");
    news(0, "--label", "Label_5", "--label", "INBOX");
    deliver("shop", "Your order", 1, "INBOX", "Label_5");
    deliver("other", "Not a receipt", 2);
    google.clearRequests();

    CliRun byName = news(5, "--label", "Receipts", "--format", "ndjson");
    CliRun byIds = news(5, "--label", "INBOX", "--label", "Label_5", "--format", "ndjson");

    assertThat(ids(byName)).containsExactly("shop");
    assertThat(ids(byIds)).containsExactly("shop");
    assertThat(google.count("messages.list")).isZero();
    assertThat(google.count("labels.list")).isEqualTo(1);
  }

  @Test
  void label_nameIsNotLookedUp_whenNothingIsNew() {
    news(0, "--label", "Receipts");
    google.clearRequests();

    CliRun run = news(5, "--label", "Receipts");

    assertThat(run.exitCode()).isZero();
    assertThat(google.requests()).extracting(RecordedRequest::kind).containsExactly("history.list");
  }

  @Test
  void eachFilter_andEachCursorName_keepsItsOwnPlace() {
    news(0);
    news(0, "--query", "invoice");
    news(0, "--cursor", "mailer");
    news(0, "--cursor", "logger");
    deliver("inv", "Invoice 9", 1);

    CliRun all = news(5, "--format", "ndjson");
    CliRun invoices = news(5, "--query", "invoice", "--format", "ndjson");
    CliRun mailer = news(5, "--cursor", "mailer", "--format", "ndjson");
    CliRun mailerAgain = news(6, "--cursor", "mailer");
    CliRun logger = news(6, "--cursor", "logger", "--format", "ndjson");

    assertThat(cursorFiles())
        .extracting(file -> file.getFileName().toString())
        .hasSize(4)
        .contains("named-logger.json", "named-mailer.json");
    assertThat(ids(all)).containsExactly("inv");
    assertThat(ids(invoices)).containsExactly("inv");
    assertThat(ids(mailer)).containsExactly("inv");
    assertThat(mailerAgain.out()).isEmpty();
    assertThat(ids(logger)).containsExactly("inv");
  }

  @Test
  void theFirstRun_letsGmailJudgeTheFilter_soThatAMistakeShowsAtOnce() {
    google.failNext(
        "/gmail/v1/users/me/messages",
        1,
        400,
        GoogleErrors.apiError(400, "Invalid query", "invalidArgument", "INVALID_ARGUMENT"));

    CliRun label = news(0, "--label", "Reciepts");
    CliRun query = news(0, "--query", "from:(");

    assertThat(label.exitCode()).isEqualTo(6);
    assertThat(label.err()).contains("Gmail has no label \"Reciepts\"");
    assertThat(query.exitCode()).isEqualTo(6);
    assertThat(query.err()).contains("Gmail refused to search messages: HTTP 400: Invalid query");
    assertThat(cli.cursorsDir().toFile().list()).noneMatch(name -> name.endsWith(".json"));
    assertThat(google.requests("messages.list").get(0).param("maxResults")).isEqualTo("1");
  }

  @Test
  void status_listsEachCursor_withItsFilter_lastRun_andHistoryId() throws Exception {
    news(0, "--query", "invoice", "--label", "Receipts");
    news(5, "--cursor", "mailer", "--include-spam-trash");
    Files.writeString(cli.cursorsDir().resolve("named-broken.json"), "{");

    CliRun table = at(6, "status");
    CliRun json = at(6, "status", "--format", "json");

    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(google.count("history.list")).isZero();
    Golden.assertMatches("status-cursors.txt", Golden.scrub(table.out(), cli.home()));
    JsonObject status = JsonParser.parseString(json.out()).getAsJsonObject();
    assertThat(status.getAsJsonArray("cursors")).hasSize(3);
    JsonObject mailer = status.getAsJsonArray("cursors").get(2).getAsJsonObject();
    assertThat(mailer.get("name").getAsString()).isEqualTo("mailer");
    assertThat(mailer.get("lastRun").getAsString()).isEqualTo("2024-03-15T12:05:00Z");
    assertThat(mailer.get("historyId").getAsString())
        .isEqualTo(Long.toString(google.mailbox().historyId()));
  }

  @Test
  void theSameFilterSpelledOtherwise_isTheSameCursor() {
    news(0, "--query", "invoice  from:billing", "--label", "INBOX", "--label", "Label_5");
    deliver("inv", "invoice", 1, "INBOX", "Label_5");

    CliRun run =
        news(5, "--label", "Label_5", "--label", "INBOX", "--query", " invoice from:billing ");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(cursorFiles()).hasSize(1);
  }
}
