package dev.gmailcli.standin;

import dev.gmailcli.standin.StandInMailbox.MailThread;
import dev.gmailcli.standin.StandInMailbox.Msg;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Deterministic fake threads for {@link StandInMailbox#generate(int)}. Thread number {@code i}
 * (1-based, newest first) is, by rule:
 *
 * <ul>
 *   <li>id {@code String.format("t%05x", i)}, historyId {@code 10_000_000 - 3 i};
 *   <li>{@code 1 + i % 3} messages, oldest first, 13 minutes apart; the newest at {@link #BASE}
 *       minus {@code (i - 1) * 47} minutes; Date header in +0900 ({@code i % 4 == 0}), -0500
 *       ({@code i % 4 == 1}) or +0000;
 *   <li>subject {@code "Subject i"} ({@code "Re: ..."} for replies), except {@code i % 100 == 4}: a
 *       Japanese subject, and {@code i % 10 == 6}: a subject with a tab and {@code <>&=};
 *   <li>snippets with HTML entities ({@code &#39;}, {@code &amp;}) when {@code i % 5 == 2}, escaped
 *       markup ({@code &lt;b&gt;}) when {@code i % 5 == 3};
 *   <li>labels: SPAM when {@code i % 25 == 7}, TRASH when {@code i % 25 == 13}, else INBOX; UNREAD
 *       on the newest message when {@code i % 3 == 0}; STARRED when {@code i % 7 == 0}; IMPORTANT
 *       when {@code i % 4 == 1}; SENT on the middle message of 3-message threads.
 * </ul>
 */
final class MailboxGenerator {

  /** Fixed base instant: the newest generated message. */
  static final Instant BASE = Instant.parse("2024-03-15T09:30:00Z");

  private static final DateTimeFormatter RFC_2822 =
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.US);

  private static final String[] SENDERS = {
    "Alice Example <alice@example.com>",
    "Bob Example <bob@example.org>",
    "\"Carol, Q. Example\" <carol@example.net>",
    "noreply@example.com",
  };

  private MailboxGenerator() {}

  static List<MailThread> threads(int first, int n) {
    List<MailThread> out = new ArrayList<>(n);
    for (int i = first; i < first + n; i++) {
      out.add(thread(i));
    }
    return out;
  }

  static String threadId(int i) {
    return String.format("t%05x", i);
  }

  private static MailThread thread(int i) {
    int count = 1 + i % 3;
    Instant newest = BASE.minus(Duration.ofMinutes(47L * (i - 1)));
    ZoneOffset zone =
        i % 4 == 0 ? ZoneOffset.ofHours(9) : i % 4 == 1 ? ZoneOffset.ofHours(-5) : ZoneOffset.UTC;
    String location = i % 25 == 7 ? "SPAM" : i % 25 == 13 ? "TRASH" : "INBOX";
    List<Msg> messages = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      Instant when = newest.minus(Duration.ofMinutes(13L * (count - 1 - k)));
      boolean last = k == count - 1;
      Set<String> labels = new LinkedHashSet<>();
      if (count == 3 && k == 1) {
        labels.add("SENT");
      } else {
        labels.add(location);
      }
      if (last && i % 3 == 0) {
        labels.add("UNREAD");
      }
      if (last && i % 7 == 0) {
        labels.add("STARRED");
      }
      if (i % 4 == 1) {
        labels.add("IMPORTANT");
      }
      messages.add(
          new Msg(
              (k == 0 ? "" : "Re: ") + subject(i),
              SENDERS[(i + k) % SENDERS.length],
              RFC_2822.format(when.atOffset(zone)),
              when,
              List.copyOf(labels),
              snippet(i, k)));
    }
    return new MailThread(
        threadId(i),
        messages.get(count - 1).snippet(),
        10_000_000L - 3L * i,
        messages.stream().flatMap(m -> m.labelIds().stream()).distinct().toList(),
        List.copyOf(messages));
  }

  private static String subject(int i) {
    if (i % 100 == 4) {
      return "件名 " + i + ": 日本語のテスト";
    }
    if (i % 10 == 6) {
      return "Subject " + i + "\tQ&A <draft> x=1";
    }
    return "Subject " + i;
  }

  private static String snippet(int i, int k) {
    if (i % 100 == 4) {
      return "こんにちは、テスト " + i + " の本文です";
    }
    if (i % 5 == 2) {
      return "It&#39;s the report for " + i + " &amp; friends, part " + (k + 1);
    }
    if (i % 5 == 3) {
      return "Body with &lt;b&gt;markup&lt;/b&gt; &quot;quoted&quot; a=b " + i + "." + (k + 1);
    }
    return "Snippet of message " + (k + 1) + " in thread " + i;
  }
}
