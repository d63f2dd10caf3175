package dev.gmailcli.standin;

import dev.gmailcli.standin.StandInMailbox.Label;
import dev.gmailcli.standin.StandInMailbox.MailThread;
import dev.gmailcli.standin.StandInMailbox.Msg;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small subset of Gmail's search syntax for {@code threads.list?q=} and {@code messages.list?q=}:
 * plain words and "quoted phrases" (case-insensitive, against subjects and snippets), {@code
 * from:}, {@code subject:}, {@code is:unread|read|starred|important}, {@code
 * in:inbox|spam|trash|sent|anywhere}, {@code label:} (id or name), {@code after:} and {@code
 * before:} (epoch seconds, or {@code yyyy/mm/dd} at midnight Pacific time, against internal dates),
 * a leading {@code -} for negation, {@code (…)} groups and {@code OR}. Any other term is matched as
 * a word. A thread matches when its messages, together, satisfy the query; a message when it does
 * on its own.
 */
final class StandInSearch {

  private static final Pattern TOKEN =
      Pattern.compile("(-?)\\(|\\)|(-?)(?:([a-zA-Z]+):)?(?:\"([^\"]*)\"|([^\\s()\"]+))");
  private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/M/d");

  /** What a query is matched against: a whole thread, or one message. */
  private record View(List<Msg> messages, List<String> labelIds, String snippet) {}

  /**
   * @param thread matches a thread
   * @param message matches one message
   * @param reachesSpamTrash whether the query itself asks for SPAM/TRASH (then they are not
   *     excluded by default)
   */
  record Parsed(Predicate<MailThread> thread, Predicate<Msg> message, boolean reachesSpamTrash) {

    /** The thread predicate (threads.list). */
    Predicate<MailThread> matches() {
      return thread;
    }
  }

  private final List<Label> labels;
  private final List<String[]> tokens = new ArrayList<>();
  private int next;
  private boolean spamTrash;

  private StandInSearch(String q, List<Label> labels) {
    this.labels = labels;
    Matcher m = TOKEN.matcher(q);
    while (m.find()) {
      tokens.add(
          new String[] {m.group(), m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)});
    }
  }

  static Parsed parse(String q, List<Label> labels) {
    if (q == null || q.isBlank()) {
      return new Parsed(t -> true, m -> true, false);
    }
    StandInSearch search = new StandInSearch(q, labels);
    Predicate<View> all = search.or();
    return new Parsed(
        t -> all.test(new View(t.messages(), t.labelIds(), t.snippet())),
        m -> all.test(new View(List.of(m), m.labelIds(), m.snippet())),
        search.spamTrash);
  }

  private Predicate<View> or() {
    Predicate<View> any = and();
    while (next < tokens.size() && tokens.get(next)[0].equals("OR")) {
      next++;
      any = any.or(and());
    }
    return any;
  }

  private Predicate<View> and() {
    Predicate<View> all = v -> true;
    while (next < tokens.size()
        && !tokens.get(next)[0].equals(")")
        && !tokens.get(next)[0].equals("OR")) {
      String[] token = tokens.get(next++);
      Predicate<View> p;
      if (token[0].endsWith("(")) {
        p = or();
        if (next < tokens.size()) {
          next++; // the closing parenthesis
        }
        p = token[1].isEmpty() ? p : p.negate();
      } else {
        boolean negate = !token[2].isEmpty();
        String op = token[3] == null ? null : token[3].toLowerCase(Locale.ROOT);
        String value = (token[4] != null ? token[4] : token[5]).toLowerCase(Locale.ROOT);
        p = term(op, value, negate);
        p = negate ? p.negate() : p;
      }
      all = all.and(p);
    }
    return all;
  }

  private Predicate<View> term(String op, String value, boolean negate) {
    if ("from".equals(op)) {
      return v -> v.messages().stream().anyMatch(x -> contains(x.from(), value));
    }
    if ("subject".equals(op)) {
      return v -> v.messages().stream().anyMatch(x -> contains(x.subject(), value));
    }
    if (("after".equals(op) || "before".equals(op)) && instant(value) != null) {
      Instant at = instant(value);
      boolean after = op.equals("after");
      return v ->
          v.messages().stream()
              .anyMatch(
                  x -> after ? !x.internalDate().isBefore(at) : x.internalDate().isBefore(at));
    }
    if ("is".equals(op) && value.equals("read")) {
      return v -> !v.labelIds().contains("UNREAD");
    }
    if ("is".equals(op) || "in".equals(op)) {
      if (value.equals("anywhere")) {
        spamTrash = true;
        return v -> true;
      }
      String id = value.equals("drafts") ? "DRAFT" : value.toUpperCase(Locale.ROOT);
      spamTrash |= !negate && (id.equals("SPAM") || id.equals("TRASH"));
      return v -> v.labelIds().contains(id);
    }
    if ("label".equals(op)) {
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
      return v -> v.labelIds().stream().anyMatch(ids::contains);
    }
    String word = op == null ? value : op + ":" + value;
    return v -> matchesText(v, word);
  }

  /** Epoch seconds, or a date at midnight Pacific time (as Gmail reads both); else null. */
  private static Instant instant(String value) {
    if (value.matches("\\d{9,}")) {
      return Instant.ofEpochSecond(Long.parseLong(value));
    }
    try {
      return LocalDate.parse(value.replace('-', '/'), DATE).atStartOfDay(PACIFIC).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static boolean matchesText(View v, String word) {
    if (contains(unescape(v.snippet()), word)) {
      return true;
    }
    for (Msg msg : v.messages()) {
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
