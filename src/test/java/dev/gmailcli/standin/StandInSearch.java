package dev.gmailcli.standin;

import dev.gmailcli.standin.StandInMailbox.Label;
import dev.gmailcli.standin.StandInMailbox.MailThread;
import dev.gmailcli.standin.StandInMailbox.Msg;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny subset of Gmail's search syntax for {@code threads.list?q=}: plain words and "quoted
 * phrases" (case-insensitive, against subjects and snippets), {@code from:}, {@code subject:},
 * {@code is:unread|read|starred|important}, {@code in:inbox|spam|trash|sent|anywhere}, {@code
 * label:} (id or name) and a leading {@code -} for negation. Any other term is matched as a word.
 */
final class StandInSearch {

  private static final Pattern TERM =
      Pattern.compile("(-?)(?:([a-zA-Z]+):)?(?:\"([^\"]*)\"|(\\S+))");

  /**
   * @param matches the combined predicate (all terms must hold)
   * @param reachesSpamTrash whether the query itself asks for SPAM/TRASH (then they are not
   *     excluded by default)
   */
  record Parsed(Predicate<MailThread> matches, boolean reachesSpamTrash) {}

  private StandInSearch() {}

  static Parsed parse(String q, List<Label> labels) {
    Predicate<MailThread> all = t -> true;
    boolean spamTrash = false;
    if (q == null) {
      return new Parsed(all, false);
    }
    Matcher m = TERM.matcher(q);
    while (m.find()) {
      boolean negate = !m.group(1).isEmpty();
      String op = m.group(2) == null ? null : m.group(2).toLowerCase(Locale.ROOT);
      String value = (m.group(3) != null ? m.group(3) : m.group(4)).toLowerCase(Locale.ROOT);
      Predicate<MailThread> p;
      if ("from".equals(op)) {
        p = t -> t.messages().stream().anyMatch(x -> contains(x.from(), value));
      } else if ("subject".equals(op)) {
        p = t -> t.messages().stream().anyMatch(x -> contains(x.subject(), value));
      } else if ("is".equals(op) && value.equals("read")) {
        p = t -> !t.labelIds().contains("UNREAD");
      } else if ("is".equals(op) || "in".equals(op)) {
        if (value.equals("anywhere")) {
          spamTrash = true;
          continue;
        }
        String id = value.equals("drafts") ? "DRAFT" : value.toUpperCase(Locale.ROOT);
        spamTrash |= !negate && (id.equals("SPAM") || id.equals("TRASH"));
        p = t -> t.labelIds().contains(id);
      } else if ("label".equals(op)) {
        List<String> ids = new ArrayList<>();
        for (Label l : labels) {
          String name = l.name().toLowerCase(Locale.ROOT);
          if (l.id().equalsIgnoreCase(value)
              || name.equals(value)
              || name.replace(' ', '-').equals(value)) {
            ids.add(l.id());
          }
        }
        spamTrash |= !negate && (ids.contains("SPAM") || ids.contains("TRASH"));
        p = t -> t.labelIds().stream().anyMatch(ids::contains);
      } else {
        String word = op == null ? value : op + ":" + value;
        p = t -> matchesText(t, word);
      }
      all = all.and(negate ? p.negate() : p);
    }
    return new Parsed(all, spamTrash);
  }

  private static boolean matchesText(MailThread t, String word) {
    if (contains(unescape(t.snippet()), word)) {
      return true;
    }
    for (Msg msg : t.messages()) {
      if (contains(msg.subject(), word) || contains(unescape(msg.snippet()), word)) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(String haystack, String lowerNeedle) {
    return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(lowerNeedle);
  }

  /** Gmail snippets are HTML-escaped; search sees the text. */
  private static String unescape(String s) {
    if (s.indexOf('&') < 0) {
      return s;
    }
    return s.replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
