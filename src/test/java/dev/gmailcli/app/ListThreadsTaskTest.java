package dev.gmailcli.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailcli.auth.TokenFile;
import dev.gmailcli.gmail.GmailService;
import dev.gmailcli.gmail.LabelResolver;
import dev.gmailcli.gmail.ThreadDetailsFetcher;
import dev.gmailcli.gmail.ThreadLister;
import dev.gmailcli.gmail.ThreadQuery;
import dev.gmailcli.harness.ScriptedHttp;
import dev.gmailcli.output.ThreadFormat;
import dev.gmailcli.platform.Terminal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListThreadsTaskTest {
  static final String THREADS = TaskFixtures.GMAIL_ROOT + "gmail/v1/users/me/threads";

  @TempDir Path dir;
  final ScriptedHttp http = new ScriptedHttp();
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  final List<String> warnings = new ArrayList<>();

  @BeforeEach
  void savedLogin() {
    new TokenFile(dir.resolve("token.json")).write(TaskFixtures.validToken("a@example.com"));
  }

  ListThreadsTask task(Terminal terminal) {
    MailboxAccess mailbox =
        new SavedLoginAccess(
            TaskFixtures.store(dir.resolve("token.json"), http),
            null,
            false,
            () -> {
              throw new AssertionError("no login expected");
            },
            authorization -> {
              throw new AssertionError("no proof expected");
            },
            new PrintWriter(err, true));
    ListThreadsTask.ListerFactory listers =
        (authorization, warn, waits) -> {
          GmailService gmail = TaskFixtures.gmail(http, authorization);
          return new ThreadLister(
              gmail, new LabelResolver(gmail), new ThreadDetailsFetcher(gmail, warn));
        };
    return new ListThreadsTask(
        mailbox,
        listers,
        new PrintWriter(out, true),
        new PrintWriter(err, true),
        warnings::add,
        TaskFixtures.CLOCK,
        terminal,
        () -> {},
        () -> {});
  }

  static ThreadQuery query(int max) {
    return new ThreadQuery(max, null, null, false, null, false);
  }

  @Test
  void defaultFormat_isATableForAPerson_andTsvForAScript() {
    assertThat(task(new Terminal(false, true, false, 80)).defaultFormat())
        .isEqualTo(ThreadFormat.TABLE);
    assertThat(task(Terminal.none()).defaultFormat()).isEqualTo(ThreadFormat.TSV);
  }

  @Test
  void listsIntoTheChosenFormat_withTheSavedLogin_andNothingOnStderr() {
    http.on(
        "GET",
        THREADS,
        200,
        "{\"threads\": [{\"id\": \"t1\", \"snippet\": \"hi\", \"historyId\": \"7\"}],"
            + " \"resultSizeEstimate\": 1}");

    task(Terminal.none()).run(query(1), ThreadFormat.NDJSON);

    assertThat(out.toString())
        .isEqualTo("{\"id\":\"t1\",\"snippet\":\"hi\",\"historyId\":\"7\"}\n");
    assertThat(err.toString()).isEmpty();
    assertThat(http.calls())
        .singleElement()
        .satisfies(c -> assertThat(c.url()).startsWith(THREADS + "?maxResults=1"));
    assertThat(http.unmatched()).isEmpty();
  }

  @Test
  void atATerminal_progressIsDrawnBetweenPages_andClearedAtTheEnd() {
    http.on(
        "GET",
        THREADS + "?maxResults=1&pageToken=p2",
        200,
        "{\"threads\": [{\"id\": \"t3\", \"snippet\": \"c\", \"historyId\": \"5\"}]}");
    http.on(
        "GET",
        THREADS,
        200,
        "{\"threads\": [{\"id\": \"t1\", \"snippet\": \"a\", \"historyId\": \"7\"},"
            + " {\"id\": \"t2\", \"snippet\": \"b\", \"historyId\": \"6\"}],"
            + " \"nextPageToken\": \"p2\", \"resultSizeEstimate\": 3}");

    task(new Terminal(false, false, true, 80)).run(query(3), ThreadFormat.TSV);

    assertThat(out.toString().lines()).hasSize(3);
    assertThat(err.toString()).isEqualTo("\r\033[Klisting threads: 2 of about 3...\r\033[K");
  }
}
