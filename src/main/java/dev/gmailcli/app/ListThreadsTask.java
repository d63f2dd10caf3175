package dev.gmailcli.app;

import dev.gmailcli.gmail.ThreadLister;
import dev.gmailcli.gmail.ThreadQuery;
import dev.gmailcli.gmail.ThreadSink;
import dev.gmailcli.output.ProgressSink;
import dev.gmailcli.output.ThreadFormat;
import dev.gmailcli.platform.Env;

/**
 * {@code gmailcli threads}: open the saved login, list the threads into the chosen format, and draw
 * progress on stderr when it is a terminal.
 */
public final class ListThreadsTask {
  private final Services services;

  public ListThreadsTask(Services services) {
    this.services = services;
  }

  /** The format used when none is given: a table for a person, tsv for a script. */
  public ThreadFormat defaultFormat() {
    return services.env().terminal().stdoutTerminal() ? ThreadFormat.TABLE : ThreadFormat.TSV;
  }

  public void run(ThreadQuery query, ThreadFormat format) {
    Env env = services.env();
    var gmail = services.gmail(new MailboxAccess(services).open());
    ThreadSink sink = format.sink(env.out(), env.clock(), env.terminal().columns());
    if (!env.terminal().stderrTerminal()) {
      services.threadLister(gmail, services.warnings()).list(query, sink);
      return;
    }
    ProgressSink progress = new ProgressSink(sink, env.err(), services.warnings());
    ThreadLister lister = services.threadLister(gmail, progress::warn);
    try {
      lister.list(query, progress);
    } finally {
      progress.clear();
    }
  }
}
