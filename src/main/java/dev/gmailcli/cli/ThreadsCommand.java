package dev.gmailcli.cli;

import dev.gmailcli.app.ListThreadsTask;
import dev.gmailcli.gmail.ThreadQuery;
import dev.gmailcli.output.ThreadFormat;
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
      "List the latest Gmail threads, newest first.",
      "Output: a table on a terminal, tab-separated lines (id, date, from, subject, snippet)"
          + " otherwise."
    })
final class ThreadsCommand implements Callable<Integer> {
  @ParentCommand GmailCliCommand root;

  @Option(
      names = {"-n", "--max"},
      paramLabel = "N",
      converter = Converters.AtLeastOne.class,
      description = "How many threads to list, 1 or more (default: ${DEFAULT-VALUE}).")
  int max = 10;

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
    ListThreadsTask task = root.services().listThreadsTask();
    ThreadFormat chosen = format != null ? format : task.defaultFormat();
    boolean withDetails = details != null ? details : chosen.detailsByDefault();
    task.run(new ThreadQuery(max, query, labels, includeSpamTrash, pageToken, withDetails), chosen);
    return 0;
  }
}
