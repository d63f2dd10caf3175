package dev.gmailcli.standin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fake Gmail mailbox behind a {@link GoogleStandIn}: threads, their messages and labels, and
 * the history of messages delivered while a test runs. Thread-safe. Threads are listed newest first
 * (by their newest message's internal date, ties in insertion order), as Gmail lists them.
 */
public final class StandInMailbox {

  /** System label ids Gmail always has. */
  public static final List<String> SYSTEM_LABELS =
      List.of(
          "CHAT",
          "SENT",
          "INBOX",
          "IMPORTANT",
          "TRASH",
          "DRAFT",
          "SPAM",
          "CATEGORY_FORUMS",
          "CATEGORY_UPDATES",
          "CATEGORY_PERSONAL",
          "CATEGORY_PROMOTIONS",
          "CATEGORY_SOCIAL",
          "STARRED",
          "UNREAD");

  /**
   * One message of a thread.
   *
   * @param subject Subject header, or null for a message without one
   * @param from From header, or null
   * @param date Date header text (RFC 2822), or null
   * @param internalDate Gmail's internalDate
   * @param labelIds label ids of this message
   * @param snippet Gmail snippet (HTML-escaped, like Gmail's), never null
   */
  public record Msg(
      String subject,
      String from,
      String date,
      Instant internalDate,
      List<String> labelIds,
      String snippet) {

    /** Normalises nulls: no labels, empty snippet, epoch internal date. */
    public Msg {
      labelIds = labelIds == null ? List.of() : List.copyOf(labelIds);
      snippet = snippet == null ? "" : snippet;
      internalDate = internalDate == null ? Instant.EPOCH : internalDate;
    }

    /** A message with an empty snippet. */
    public Msg(
        String subject, String from, String date, Instant internalDate, List<String> labelIds) {
      this(subject, from, date, internalDate, labelIds, "");
    }

    /**
     * A message arriving at {@code when} with these labels (INBOX and UNREAD when none are given),
     * its Date header in UTC, its snippet saying which subject it has.
     */
    public static Msg arriving(String subject, String from, Instant when, String... labelIds) {
      return new Msg(
          subject,
          from,
          RFC_2822.format(when.atOffset(ZoneOffset.UTC)),
          when,
          labelIds.length == 0 ? List.of("INBOX", "UNREAD") : List.of(labelIds),
          "About " + subject);
    }
  }

  /**
   * One {@code messageAdded} record of the mailbox's history.
   *
   * @param id its history id
   */
  public record HistoryRecord(long id, String messageId, String threadId, List<String> labelIds) {}

  private static final DateTimeFormatter RFC_2822 =
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.US);

  /**
   * A label as {@code users.labels.list} returns it.
   *
   * @param type {@code "system"} or {@code "user"}
   */
  public record Label(String id, String name, String type) {}

  /**
   * A stored thread.
   *
   * @param labelIds the thread's labels: those given plus every message's labels
   * @param messages oldest first, as {@code threads.get} returns them
   */
  public record MailThread(
      String id, String snippet, long historyId, List<String> labelIds, List<Msg> messages) {

    /** Newest message's internal date (epoch for a thread without messages). */
    public Instant newest() {
      return messages.stream()
          .map(Msg::internalDate)
          .max(Comparator.naturalOrder())
          .orElse(Instant.EPOCH);
    }

    /** Gmail-style message id of message {@code index} (the first one shares the thread id). */
    public String messageId(int index) {
      return index == 0 ? id : id + "m" + index;
    }
  }

  private final Map<String, MailThread> threads = new LinkedHashMap<>();
  private final Map<String, Label> labels = new LinkedHashMap<>();
  private final List<HistoryRecord> history = new ArrayList<>();
  private List<MailThread> sorted; // cache, null when stale
  private int generated;
  private long latestHistoryId;
  private long historyKeptFrom;

  StandInMailbox() {
    for (String id : SYSTEM_LABELS) {
      labels.put(id, new Label(id, id, "system"));
    }
  }

  /** Adds (or replaces) a thread. */
  public synchronized StandInMailbox addThread(
      String id, String snippet, long historyId, List<String> labelIds, List<Msg> messages) {
    Set<String> all = new LinkedHashSet<>(labelIds == null ? List.of() : labelIds);
    List<Msg> msgs = messages == null ? List.of() : List.copyOf(messages);
    msgs.forEach(m -> all.addAll(m.labelIds()));
    threads.put(
        id, new MailThread(id, snippet == null ? "" : snippet, historyId, List.copyOf(all), msgs));
    sorted = null;
    return this;
  }

  /** Adds a user label, e.g. {@code addLabel("Label_12", "Receipts")}. */
  public synchronized StandInMailbox addLabel(String id, String name) {
    labels.put(id, new Label(id, name, "user"));
    return this;
  }

  /**
   * Adds {@code n} deterministic threads (see {@link MailboxGenerator}), continuing the numbering
   * of earlier calls: ids {@code t00001}, {@code t00002}, ... newest first.
   */
  public synchronized StandInMailbox generate(int n) {
    for (MailThread t : MailboxGenerator.threads(generated + 1, n)) {
      threads.put(t.id(), t);
    }
    generated += n;
    sorted = null;
    return this;
  }

  /** All threads, newest first. */
  public synchronized List<MailThread> threads() {
    if (sorted == null) {
      List<MailThread> list = new ArrayList<>(threads.values());
      list.sort(Comparator.comparing(MailThread::newest).reversed()); // stable
      sorted = List.copyOf(list);
    }
    return sorted;
  }

  /** The thread with that id, if any. */
  public synchronized Optional<MailThread> thread(String id) {
    return Optional.ofNullable(threads.get(id));
  }

  /** System labels followed by user labels in the order added. */
  public synchronized List<Label> labels() {
    return List.copyOf(labels.values());
  }

  /** Whether a label with that id exists. */
  public synchronized boolean hasLabel(String id) {
    return labels.containsKey(id);
  }

  /** Number of threads. */
  public synchronized int size() {
    return threads.size();
  }

  /** Number of messages over all threads. */
  public synchronized long messageCount() {
    return threads.values().stream().mapToLong(t -> t.messages().size()).sum();
  }

  /** The mailbox's current history id: that of its latest change (1 for an empty mailbox). */
  public synchronized long historyId() {
    return Math.max(
        latestHistoryId,
        threads.values().stream().mapToLong(MailThread::historyId).max().orElse(1));
  }

  /**
   * A message arrives in thread {@code threadId} (a new thread when there is none of that id), as
   * Gmail records it: the mailbox's history id goes up by one, the thread takes it, and a {@code
   * messageAdded} record is kept for {@code users.history.list}. A message the account sent is one
   * labelled SENT (without INBOX).
   *
   * @return the new message's id
   */
  public synchronized String deliver(String threadId, Msg message) {
    long id = historyId() + 1;
    MailThread old = threads.get(threadId);
    List<Msg> messages = new ArrayList<>(old == null ? List.of() : old.messages());
    messages.add(message);
    addThread(threadId, message.snippet(), id, old == null ? List.of() : old.labelIds(), messages);
    latestHistoryId = id;
    String messageId = threads.get(threadId).messageId(messages.size() - 1);
    history.add(new HistoryRecord(id, messageId, threadId, message.labelIds()));
    return messageId;
  }

  /**
   * Gmail keeps history only so long: from now on {@code users.history.list} answers 404 for a
   * {@code startHistoryId} below {@code historyId}.
   */
  public synchronized StandInMailbox keepHistoryFrom(long historyId) {
    historyKeptFrom = historyId;
    return this;
  }

  /** The oldest {@code startHistoryId} that {@code users.history.list} still accepts. */
  synchronized long historyKeptFrom() {
    return historyKeptFrom;
  }

  /** The history records after {@code startHistoryId}, oldest first. */
  synchronized List<HistoryRecord> historyAfter(long startHistoryId) {
    return history.stream().filter(r -> r.id() > startHistoryId).toList();
  }
}
