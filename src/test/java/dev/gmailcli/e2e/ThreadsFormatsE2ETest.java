package dev.gmailcli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gmailcli.harness.CliHarness;
import dev.gmailcli.harness.CliRun;
import dev.gmailcli.harness.Golden;
import dev.gmailcli.harness.TestClock;
import dev.gmailcli.harness.TokenFixtures;
import dev.gmailcli.harness.WithGoogleStandIn;
import dev.gmailcli.platform.Terminal;
import dev.gmailcli.standin.GoogleStandIn;
import dev.gmailcli.standin.StandInMailbox.Msg;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 3's output formats through the real entry point, each pinned by a golden file: tsv (the
 * default off a terminal), json with and without details, ndjson and table.
 *
 * <p>The mailbox holds generated threads 1..12 (Japanese subject at 4, tab and {@code <>&=} at 6,
 * HTML entities at 2, 3, 7, 8, 12; t00007 is Spam) and one hand-made thread whose subject holds a
 * newline and a backslash and whose sender is a bare address.
 */
@WithGoogleStandIn
class ThreadsFormatsE2ETest {
  static final String LONG_SUBJECT = "長い件名: とても長い日本語の件名がここに続きますので表では切られます";
  static final String LONG_SNIPPET =
      "This snippet is far too long for a 100-column table &amp; must be"
          + " cut with an ellipsis rather than wrap onto the next line of the terminal, ever";

  GoogleStandIn google;
  CliHarness cli;
  String accessToken;

  @BeforeEach
  void setUp() throws Exception {
    google.mailbox().generate(12);
    google
        .mailbox()
        .addThread(
            "handmade1",
            "a\\b &lt;c&gt;",
            4242,
            List.of("INBOX"),
            List.of(
                new Msg(
                    "Line one\nLine two \\ end",
                    "solo@example.com",
                    "Sun, 10 Mar 2024 08:00:00 +0000",
                    Instant.parse("2024-03-10T08:00:00Z"),
                    List.of("INBOX"),
                    "a\\b &lt;c&gt;")));
    google
        .mailbox()
        .addThread(
            "handmade2",
            LONG_SNIPPET,
            4241,
            List.of("INBOX"),
            List.of(
                new Msg(
                    LONG_SUBJECT,
                    "\"Bartholomew Maximilian Longname-Smythe\" <bart@example.com>",
                    "Sun, 31 Dec 2023 23:30:00 +0000",
                    Instant.parse("2023-12-31T23:30:00Z"),
                    List.of("INBOX"),
                    LONG_SNIPPET)));
    accessToken = google.seedAccessToken(TokenFixtures.READONLY);
    cli.token(
        TokenFixtures.python(
            accessToken,
            google.seedRefreshToken(TokenFixtures.READONLY),
            TestClock.NOW.plusSeconds(3599),
            List.of(TokenFixtures.READONLY),
            "https://oauth2.googleapis.com/token"));
  }

  @Test
  void tsv_isTheDefaultOffATerminal_withDetails_escapedFields_andDecodedSnippets() {
    CliRun run = runMatchingGolden("threads-scale.tsv", "threads", "--max", "20");

    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(13).allSatisfy(l -> assertThat(l.split("\t", -1)).hasSize(5));
    assertThat(lines.get(0))
        .isEqualTo(
            "t00001\t2024-03-15T09:30:00Z\t\"Carol, Q. Example\" <carol@example.net>\tSubject 1\t"
                + "Snippet of message 2 in thread 1");
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("\tSubject 6\\tQ&A <draft> x=1\t"));
    assertThat(lines)
        .anySatisfy(l -> assertThat(l).contains("It's the report for 2 & friends, part 3"));
    assertThat(lines.get(12))
        .startsWith("handmade2\t2023-12-31T23:30:00Z\t")
        .endsWith("\t" + LONG_SNIPPET.replace("&amp;", "&"));
    assertThat(lines.get(11))
        .isEqualTo(
            "handmade1\t2024-03-10T08:00:00Z\tsolo@example.com\tLine one\\nLine two \\\\ end\ta\\\\b <c>");
    assertThat(google.count("batch")).isEqualTo(1);
  }

  @Test
  void json_withoutDetails_isExactlyGmailsListThreadsResponse() throws Exception {
    CliRun run =
        runMatchingGolden("threads-scale-json.json", "threads", "--max", "5", "--format", "json");

    JsonObject printed = JsonParser.parseString(run.out()).getAsJsonObject();
    assertThat(printed.keySet()).containsExactly("threads", "nextPageToken", "resultSizeEstimate");
    JsonObject gmail =
        JsonParser.parseString(gmailGet("gmail/v1/users/me/threads?maxResults=5"))
            .getAsJsonObject();
    assertThat(printed).isEqualTo(gmail);
    assertThat(google.count("batch")).isZero();
  }

  @Test
  void json_withDetails_addsSubjectFromDateCountLabels_unescaped() {
    CliRun run =
        runMatchingGolden(
            "threads-scale-json-details.json",
            "threads",
            "--max",
            "20",
            "--format",
            "json",
            "--details");

    assertThat(run.out())
        .contains("\"subject\": \"Subject 6\\tQ&A <draft> x=1\"")
        .contains("件名 4: 日本語のテスト")
        .doesNotContain("\\u003c")
        .doesNotContain("\\u0026")
        .doesNotContain("\\u003d");
    JsonObject printed = JsonParser.parseString(run.out()).getAsJsonObject();
    assertThat(printed.keySet()).containsExactly("threads", "resultSizeEstimate");
    JsonObject first = printed.getAsJsonArray("threads").get(0).getAsJsonObject();
    assertThat(first.keySet())
        .containsExactly(
            "id", "snippet", "historyId", "subject", "from", "date", "messageCount", "labelIds");
    assertThat(first.get("date").getAsString()).isEqualTo("2024-03-15T09:30:00Z");
    assertThat(first.get("messageCount").getAsInt()).isEqualTo(2);
  }

  @Test
  void ndjson_isOneCompactObjectPerLine() {
    CliRun run =
        runMatchingGolden(
            "threads-scale.ndjson", "threads", "--max", "20", "--format", "ndjson", "--details");

    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(13);
    assertThat(run.out()).endsWith("}\n");
    List<String> ids = new ArrayList<>();
    for (String line : lines) {
      JsonObject o = JsonParser.parseString(line).getAsJsonObject();
      ids.add(o.get("id").getAsString());
      assertThat(o.has("subject")).isTrue();
    }
    assertThat(ids).doesNotHaveDuplicates().contains("handmade1").doesNotContain("t00007");
  }

  @Test
  void table_onA100ColumnTerminal_isAlignedNamesOnly_andNeverWiderThan100() {
    // noon on the day of the newest thread: its times, then dates for older ones
    cli.terminal(new Terminal(false, true, false, 100)).clock(TestClock.FIXED);

    CliRun run = runMatchingGolden("threads-scale-table.txt", "threads", "--max", "20");

    List<String> lines = run.out().lines().toList();
    assertThat(lines)
        .hasSize(13)
        .allSatisfy(l -> assertThat(displayWidth(l)).as(l).isLessThanOrEqualTo(100))
        .noneMatch(l -> l.contains("\t"))
        .noneMatch(l -> l.contains("<bob@example.org>") || l.contains("<carol@example.net>"));
    assertThat(lines.get(0)).startsWith("09:30 ").contains(" Carol, Q. Example ");
    assertThat(lines.get(1)).startsWith("08:43 ");
    assertThat(lines.get(11)).startsWith("Mar 10 ").contains(" solo@example.com ");
    // the longest row is cut to exactly the terminal width, each cut column ending in "…"
    String longest = lines.get(12);
    assertThat(longest)
        .startsWith("2023-12-31  Bartholomew")
        .endsWith("…")
        .doesNotContain("Longname-Smythe")
        .contains("長い件名");
    assertThat(displayWidth(longest)).isEqualTo(100);
    assertThat(run.out()).contains("Carol, Q. Example").contains("It's the report for 2 & …");
    // the subject column starts at the same display column on every line
    int subjectColumn = displayWidth(lines.get(0).substring(0, lines.get(0).indexOf("Subject 1")));
    for (String line : lines) {
      int at = subjectStart(line);
      assertThat(displayWidth(line.substring(0, at))).as(line).isEqualTo(subjectColumn);
    }
  }

  @Test
  void emptyResult_inJson_printsEmptyThreadsArray() {
    CliRun run = cli.run("threads", "--query", "nothingmatches", "--format", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
    assertThat(json.getAsJsonArray("threads")).isEmpty();
    assertThat(json.has("nextPageToken")).isFalse();
    assertThat(json.get("resultSizeEstimate").getAsLong()).isZero();
    assertThat(google.count("batch")).isZero();
  }

  @Test
  void emptyResult_inTsvAndNdjson_printsNothing() {
    for (String format : List.of("tsv", "ndjson")) {
      CliRun run = cli.run("threads", "--query", "nothingmatches", "--format", format);
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).as(format).isEmpty();
      assertThat(run.err()).as(format).isEmpty();
    }
  }

  /** Runs {@code gmailcli args}: it must succeed, say nothing on stderr, and print the golden. */
  private CliRun runMatchingGolden(String golden, String... args) {
    CliRun run = cli.run(args);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    Golden.assertMatches(golden, run.out());
    return run;
  }

  private String gmailGet(String pathAndQuery) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(google.baseUrl() + pathAndQuery))
                    .header("Authorization", "Bearer " + accessToken)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  /** Where the subject column starts: after date, from and the two-space gaps. */
  private static int subjectStart(String line) {
    int gaps = 0;
    for (int i = 0; i + 1 < line.length(); i++) {
      if (line.charAt(i) == ' ' && line.charAt(i + 1) == ' ') {
        while (i < line.length() && line.charAt(i) == ' ') {
          i++;
        }
        if (++gaps == 2) {
          return i;
        }
      }
    }
    throw new AssertionError("no subject column in: " + line);
  }

  /** Terminal columns: East Asian wide and fullwidth characters take two (independent of main). */
  static int displayWidth(String text) {
    return text.codePoints().map(cp -> isWide(cp) ? 2 : 1).sum();
  }

  private static boolean isWide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F)
        || (cp >= 0x2E80 && cp <= 0x303E)
        || (cp >= 0x3041 && cp <= 0x33FF)
        || (cp >= 0x3400 && cp <= 0x4DBF)
        || (cp >= 0x4E00 && cp <= 0x9FFF)
        || (cp >= 0xA000 && cp <= 0xA4CF)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x1F300 && cp <= 0x1F64F)
        || (cp >= 0x1F900 && cp <= 0x1F9FF)
        || (cp >= 0x20000 && cp <= 0x3FFFD);
  }
}
