package dev.gmailcli.cli;

import dev.gmailcli.ExitCode;
import dev.gmailcli.GmailCliException;
import dev.gmailcli.app.ListThreadsTask;
import dev.gmailcli.app.NewThreadsRequest;
import dev.gmailcli.app.NewThreadsTask;
import dev.gmailcli.gmail.ThreadQuery;
import dev.gmailcli.output.ThreadFormat;
import dev.gmailcli.state.CursorKey;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code gmailcli threads}. */
@Command(
    name = "threads",
    mixinStandardHelpOptions = true,
    description = {
      "List the latest Gmail threads, newest first; with --new, those that received mail since"
          + " the last run.",
      "Output: a table on a terminal, tab-separated lines (id, date, from, subject, snippet)"
          + " otherwise."
    })
final class ThreadsCommand implements Callable<Integer> {
  private static final int DEFAULT_MAX = 10;

  @ParentCommand GmailCliCommand root;

  @Option(
      names = {"-n", "--max"},
      paramLabel = "N",
      converter = Converters.AtLeastOne.class,
      description = {
        "How many threads to list, 1 or more (default: 10).",
        "With --new: every new thread unless given; with N, the newest N, and the cursor moves"
            + " past the rest."
      })
  Integer max;

  @Option(
      names = "--new",
      description = {
        "Only the threads that received mail since the last --new run with the same filter (or"
            + " --cursor), each once. The first run prints nothing: it marks where now is.",
        "Nothing new: no output, exit 0 (7 with --fail-empty)."
      })
  boolean onlyNew;

  @Option(
      names = "--cursor",
      paramLabel = "NAME",
      description =
          "With --new: keep the place under this name (letters, digits, '.', '_', '-'), so that"
              + " jobs with the same filter do not take each other's news.")
  String cursor;

  @Option(names = "--fail-empty", description = "With --new: exit 7 when nothing is new.")
  boolean failEmpty;

  @Option(
      names = {"-q", "--query"},
      paramLabel = "Q",
      description = "Gmail search, e.g. \"from:alice is:unread newer_than:7d\".")
  String query;

  @Option(
      names = "--label",
      paramLabel = "ID",
      description =
          "Only threads with this label (id like INBOX or Label_12, or a name); repeatable.")
  List<String> labels;

  @Option(names = "--include-spam-trash", description = "Also list threads in Spam and Trash.")
  boolean includeSpamTrash;

  @Option(
      names = "--page-token",
      paramLabel = "T",
      description = "Continue from a nextPageToken printed by --format json.")
  String pageToken;

  @Option(
      names = "--details",
      negatable = true,
      description = {
        "Fetch subject, from and date (batched, 50 threads per request).",
        "Default: on for table and tsv, off for json and ndjson."
      })
  Boolean details;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "table, tsv, json or ndjson (default: table on a terminal, else tsv).")
  ThreadFormat format;

  @Override
  public Integer call() {
    if (onlyNew) {
      return listNew();
    }
    if (cursor != null || failEmpty) {
      throw GmailCliException.usage(
          "--cursor and --fail-empty go only with --new",
          "add --new, e.g. `gmailcli threads --new --cursor invoices --fail-empty`");
    }
    ListThreadsTask task = root.services().listThreadsTask();
    ThreadFormat chosen = format != null ? format : task.defaultFormat();
    boolean withDetails = details != null ? details : chosen.detailsByDefault();
    int count = max != null ? max : DEFAULT_MAX;
    task.run(
        new ThreadQuery(count, query, labels, includeSpamTrash, pageToken, withDetails), chosen);
    return 0;
  }

  private int listNew() {
    if (pageToken != null) {
      throw GmailCliException.usage(
          "--page-token does not go with --new",
          "--new goes on from where the last run stopped by itself; leave out --page-token");
    }
    if (cursor != null && !CursorKey.validName(cursor)) {
      throw GmailCliException.usage(
          "\"" + cursor + "\" is not a cursor name",
          "use 1 to 64 letters, digits, '.', '_' or '-' (not . or ..), e.g. --cursor invoices");
    }
    NewThreadsTask task = root.services().newThreadsTask();
    ThreadFormat chosen = format != null ? format : task.defaultFormat();
    boolean withDetails = details != null ? details : chosen.detailsByDefault();
    int printed =
        task.run(
            new NewThreadsRequest(cursor, query, labels, includeSpamTrash, max, withDetails),
            chosen);
    return printed == 0 && failEmpty ? ExitCode.NOTHING_NEW.code() : 0;
  }
}
