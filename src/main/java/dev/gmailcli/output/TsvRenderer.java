package dev.gmailcli.output;

import dev.gmailcli.gmail.ThreadDetails;
import dev.gmailcli.gmail.ThreadSummary;
import java.io.PrintWriter;

/**
 * Stable tab-separated lines for scripts: id, date (RFC 3339, UTC), from, subject, snippet; no
 * header. Backslash, tab, CR, LF and other control characters inside a field are escaped ({@code
 * \\}, {@code \t}, {@code \r}, {@code \n}, {@code \x1b}); snippets have HTML entities decoded.
 * Fields without details are empty.
 */
final class TsvRenderer extends LineRenderer {
  TsvRenderer(PrintWriter out) {
    super(out);
  }

  @Override
  public void accept(ThreadSummary thread) {
    ThreadDetails details = thread.details();
    StringBuilder line = new StringBuilder(256);
    line.append(escape(thread.id())).append('\t');
    line.append(details == null ? "" : nullToEmpty(ThreadJson.rfc3339(details.date())))
        .append('\t');
    line.append(details == null ? "" : escape(details.from())).append('\t');
    line.append(details == null ? "" : escape(details.subject())).append('\t');
    line.append(escape(Html.decode(thread.snippet())));
    out.print(line.append('\n'));
  }

  static String escape(String field) {
    if (field == null) {
      return "";
    }
    StringBuilder result = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      switch (c) {
        case '\\' -> result.append("\\\\");
        case '\t' -> result.append("\\t");
        case '\n' -> result.append("\\n");
        case '\r' -> result.append("\\r");
        default -> {
          if (Character.isISOControl(c)) {
            result.append(String.format("\\x%02x", (int) c));
          } else {
            result.append(c);
          }
        }
      }
    }
    return result.toString();
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
