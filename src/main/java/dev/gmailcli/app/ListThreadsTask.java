package dev.gmailcli.app;

import dev.gmailcli.auth.GmailAuthorization;
import dev.gmailcli.gmail.ThreadLister;
import dev.gmailcli.gmail.ThreadQuery;
import dev.gmailcli.gmail.ThreadSink;
import dev.gmailcli.gmail.WaitListener;
import dev.gmailcli.output.ProgressSink;
import dev.gmailcli.output.ThreadFormat;
import dev.gmailcli.platform.Terminal;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * {@code gmailcli threads}: open the mailbox, list the threads into the chosen format, draw
 * progress on stderr when it is a terminal, and report the quota spent (--verbose).
 */
public final class ListThreadsTask {
  /**
   * Makes a lister for an opened mailbox that reports non-fatal problems to {@code warnings} and
   * waits for Gmail's rate limit to {@code waits}.
   */
  @FunctionalInterface
  public interface ListerFactory {
    ThreadLister create(
        GmailAuthorization authorization, Consumer<String> warnings, WaitListener waits);
  }

  private final MailboxAccess mailbox;
  private final ListerFactory listers;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Consumer<String> warnings;
  private final Clock clock;
  private final Terminal terminal;
  private final Runnable quotaReport;
  private final Runnable expectLibraryRequests;

  /**
   * @param out where the listing goes
   * @param err where progress is drawn (when it is a terminal)
   * @param warnings prints a warning line
   * @param clock decides "today" in the table
   * @param terminal which streams are terminals, and the width
   * @param quotaReport reports the quota spent once the listing is over, successful or not
   * @param expectLibraryRequests says that the listing will use the generated Gmail client (for
   *     details or labels), so that its set-up may start ahead; a plain listing sends only plain
   *     requests
   */
  public ListThreadsTask(
      MailboxAccess mailbox,
      ListerFactory listers,
      PrintWriter out,
      PrintWriter err,
      Consumer<String> warnings,
      Clock clock,
      Terminal terminal,
      Runnable quotaReport,
      Runnable expectLibraryRequests) {
    this.mailbox = mailbox;
    this.listers = listers;
    this.out = out;
    this.err = err;
    this.warnings = warnings;
    this.clock = clock;
    this.terminal = terminal;
    this.quotaReport = quotaReport;
    this.expectLibraryRequests = expectLibraryRequests;
  }

  /** The format used when none is given: a table for a person, tsv for a script. */
  public ThreadFormat defaultFormat() {
    return terminal.stdoutTerminal() ? ThreadFormat.TABLE : ThreadFormat.TSV;
  }

  public void run(ThreadQuery query, ThreadFormat format) {
    if (query.details() || !query.labels().isEmpty()) {
      expectLibraryRequests.run();
    }
    GmailAuthorization authorization = mailbox.open();
    ThreadSink sink = format.sink(out, clock, terminal.columns());
    if (!terminal.stderrTerminal()) {
      try {
        listers.create(authorization, warnings, WaitListener.NONE).list(query, sink);
      } finally {
        quotaReport.run();
      }
      return;
    }
    ProgressSink progress = new ProgressSink(sink, err, warnings);
    try {
      listers.create(authorization, progress::warn, progress::waiting).list(query, progress);
    } finally {
      progress.clear();
      quotaReport.run();
    }
  }
}
