package dev.gmailcli.app;

import dev.gmailcli.GmailCliException;
import dev.gmailcli.auth.GmailAuthorization;
import dev.gmailcli.gmail.MailboxPosition;
import dev.gmailcli.gmail.NewThreads;
import dev.gmailcli.gmail.NewThreadsFilter;
import dev.gmailcli.gmail.NewThreadsFinder;
import dev.gmailcli.gmail.ThreadSink;
import dev.gmailcli.gmail.ThreadSummary;
import dev.gmailcli.output.ThreadFormat;
import dev.gmailcli.platform.Terminal;
import dev.gmailcli.state.Cursor;
import dev.gmailcli.state.CursorKey;
import dev.gmailcli.state.CursorStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code gmailcli threads --new}: print the threads that received mail since the last run with the
 * same account and filter (or {@code --cursor}), then move the cursor — only once the output was
 * written, so that nothing is lost when it could not be. The cursor's lock is held from reading it
 * to moving it: overlapping runs take turns, and the second finds nothing new.
 */
public final class NewThreadsTask {
  /** When history has expired, the listing reaches this far before the last run: clocks differ. */
  public static final Duration FALLBACK_MARGIN = Duration.ofHours(1);

  /** Makes a finder for an opened mailbox that reports non-fatal problems to {@code warnings}. */
  @FunctionalInterface
  public interface FinderFactory {
    NewThreadsFinder create(GmailAuthorization authorization, Consumer<String> warnings);
  }

  private final MailboxAccess mailbox;
  private final FinderFactory finders;
  private final CursorStore cursors;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Consumer<String> warnings;
  private final Consumer<String> diagnostics;
  private final Clock clock;
  private final Terminal terminal;

  /**
   * @param out where the threads go
   * @param err where a person at a terminal is told that a new cursor was started
   * @param warnings prints a warning line
   * @param diagnostics prints a --verbose line
   * @param clock the time of the run, kept in the cursor
   * @param terminal which streams are terminals, and the width
   */
  public NewThreadsTask(
      MailboxAccess mailbox,
      FinderFactory finders,
      CursorStore cursors,
      PrintWriter out,
      PrintWriter err,
      Consumer<String> warnings,
      Consumer<String> diagnostics,
      Clock clock,
      Terminal terminal) {
    this.mailbox = mailbox;
    this.finders = finders;
    this.cursors = cursors;
    this.out = out;
    this.err = err;
    this.warnings = warnings;
    this.diagnostics = diagnostics;
    this.clock = clock;
    this.terminal = terminal;
  }

  /** The format used when none is given: a table for a person, tsv for a script. */
  public ThreadFormat defaultFormat() {
    return terminal.stdoutTerminal() ? ThreadFormat.TABLE : ThreadFormat.TSV;
  }

  /** Prints what is new in {@code format} and returns how many threads were printed. */
  public int run(NewThreadsRequest request, ThreadFormat format) {
    Instant started = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    GmailAuthorization authorization = mailbox.open();
    NewThreadsFinder finder = finders.create(authorization, warnings);
    MailboxPosition now = null;
    String account = authorization.account();
    if (account.isEmpty()) {
      // token.json does not say whose mailbox it opens (a login saved by Python's google-auth)
      now = finder.now();
      account = now.account();
    }
    CursorKey key =
        new CursorKey(
            request.cursor(),
            account,
            request.query(),
            request.labels(),
            request.includeSpamTrash());
    try (CursorStore.Hold hold = cursors.hold(key)) {
      Optional<Cursor> saved = hold.read();
      NewThreadsFilter filter =
          new NewThreadsFilter(request.query(), request.labels(), request.includeSpamTrash());
      if (saved.isEmpty()) {
        finder.check(filter);
        start(hold, key, now != null ? now : finder.now(), started);
        return 0;
      }
      Cursor cursor = saved.get();
      checkAccount(cursor, key);
      diagnostics.accept(
          "cursor "
              + hold.file()
              + ": history id "
              + cursor.historyId()
              + ", last run "
              + cursor.lastRun());
      Optional<NewThreads> news = finder.since(cursor.historyId(), filter, request.details());
      Instant listedFrom = cursor.lastRun().minus(FALLBACK_MARGIN);
      NewThreads found =
          news.orElseGet(() -> finder.listedSince(listedFrom, filter, request.details()));
      int printed = print(found.threads(), request.max(), format);
      if (news.isEmpty()) {
        warnings.accept(
            "Gmail's history no longer reaches back to the last run ("
                + cursor.lastRun()
                + "), so gmailcli listed what arrived since "
                + listedFrom
                + " instead; a few threads printed before may be printed again");
      }
      if (out.checkError()) {
        warnings.accept(
            "the output could not be written completely (closed early?), so the cursor stays"
                + " where it was: the next run prints these threads again");
        return printed;
      }
      if (printed < found.threads().size()) {
        warnings.accept(
            "skipped "
                + (found.threads().size() - printed)
                + " older new thread(s) beyond --max "
                + request.max()
                + "; the cursor moves past them");
      }
      hold.write(new Cursor(key, found.historyId(), started));
      return printed;
    }
  }

  // The first run only marks where "now" is, as `tail -f` starts at the end.
  private void start(CursorStore.Hold hold, CursorKey key, MailboxPosition now, Instant started) {
    hold.write(new Cursor(key, now.historyId(), started));
    if (terminal.stderrTerminal()) {
      String which =
          key.name() == null ? key.filterText() : key.name() + " (" + key.filterText() + ")";
      err.println(
          "Started following new mail for "
              + which
              + ": the next `threads --new` prints what arrives from now on.");
    }
  }

  // A filter's own cursor is the account's by its file name; a named one could be another's.
  private static void checkAccount(Cursor saved, CursorKey key) {
    String before = saved.key().account();
    if (key.name() != null && !before.isEmpty() && !before.equalsIgnoreCase(key.account())) {
      throw GmailCliException.usage(
          "the cursor \""
              + key.name()
              + "\" follows the mailbox of "
              + before
              + ", not that of "
              + key.account(),
          "give each mailbox's job its own --cursor name");
    }
  }

  /** Prints the newest {@code max} (all when null) and returns how many. */
  private int print(List<ThreadSummary> threads, Integer max, ThreadFormat format) {
    if (threads.isEmpty()) {
      return 0;
    }
    List<ThreadSummary> shown =
        max == null || threads.size() <= max ? threads : threads.subList(0, max);
    ThreadSink sink = format.sink(out, clock, terminal.columns());
    shown.forEach(sink::accept);
    sink.end(null, (long) shown.size());
    return shown.size();
  }
}
