package dev.gmailcli.output;

import dev.gmailcli.gmail.ThreadDetails;
import dev.gmailcli.gmail.ThreadSink;
import dev.gmailcli.gmail.ThreadSummary;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Aligned columns for a person: date · from (name only) · subject · snippet, newest first, cut to
 * the terminal width; without details, id · snippet. Rows are collected first to size the columns,
 * which is fine at the sizes a person reads.
 */
final class TableRenderer implements ThreadSink {
  private static final String GAP = "  ";
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
  private static final DateTimeFormatter FULL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ENGLISH);

  private final PrintWriter out;
  private final Clock clock;
  private final int columns;
  private final List<String[]> rows = new ArrayList<>();
  private boolean anyDetails;

  TableRenderer(PrintWriter out, Clock clock, int columns) {
    this.out = out;
    this.clock = clock;
    this.columns = columns;
  }

  @Override
  public void accept(ThreadSummary thread) {
    ThreadDetails details = thread.details();
    anyDetails |= details != null;
    String snippet = Text.oneLine(Html.decode(thread.snippet()));
    rows.add(
        details == null
            ? new String[] {"", "", "", snippet, thread.id()}
            : new String[] {
              date(details.date()),
              Text.oneLine(Addresses.displayName(details.from())),
              Text.oneLine(details.subject()),
              snippet,
              thread.id()
            });
  }

  @Override
  public void end(String nextPageToken, Long resultSizeEstimate) {
    if (rows.isEmpty()) {
      out.println("No threads.");
    } else if (anyDetails) {
      printDetailed();
    } else {
      int idWidth = rows.stream().mapToInt(r -> Text.width(r[4])).max().orElse(0);
      for (String[] row : rows) {
        String line = Text.pad(row[4], idWidth) + GAP + row[3];
        out.println(Text.truncate(line, columns).stripTrailing());
      }
    }
    out.flush();
  }

  private void printDetailed() {
    int dateWidth = maxWidth(0, 10);
    int fromWidth = Math.min(maxWidth(1, 60), 22);
    int rest = columns - dateWidth - fromWidth - 3 * GAP.length();
    int subjectWidth = Math.min(maxWidth(2, 200), Math.max(10, rest * 3 / 5));
    int snippetWidth = rest - subjectWidth;
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      line.append(Text.pad(row[0], dateWidth)).append(GAP);
      line.append(Text.pad(Text.truncate(row[1], fromWidth), fromWidth)).append(GAP);
      line.append(Text.pad(Text.truncate(row[2], subjectWidth), subjectWidth));
      if (snippetWidth >= 8) {
        line.append(GAP).append(Text.truncate(row[3], snippetWidth));
      }
      out.println(Text.truncate(line.toString(), columns).stripTrailing());
    }
  }

  private int maxWidth(int column, int cap) {
    return Math.min(cap, rows.stream().mapToInt(r -> Text.width(r[column])).max().orElse(0));
  }

  private String date(Instant instant) {
    if (instant == null) {
      return "";
    }
    ZonedDateTime when = instant.atZone(clock.getZone());
    LocalDate today = LocalDate.now(clock);
    if (when.toLocalDate().equals(today)) {
      return TIME.format(when);
    }
    return (when.getYear() == today.getYear() ? DAY : FULL).format(when);
  }
}
