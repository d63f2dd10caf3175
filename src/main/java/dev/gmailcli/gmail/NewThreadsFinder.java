package dev.gmailcli.gmail;

import com.google.api.services.gmail.model.History;
import com.google.api.services.gmail.model.HistoryMessageAdded;
import com.google.api.services.gmail.model.ListHistoryResponse;
import com.google.api.services.gmail.model.Message;
import com.google.api.services.gmail.model.Profile;
import com.google.api.services.gmail.model.Thread;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Finds what arrived in a mailbox since a history id, with Gmail's history API: when nothing did,
 * that is one users.history.list call. When something did, the threads it names are fetched in
 * batches, and each new message is judged by the filter — a query by Gmail itself (one
 * users.messages.list search limited to the arrivals' time, whose results are intersected with
 * them), labels by the message's own labels — so that a thread is reported only when a message that
 * arrived in it matches, as Gmail understands the filter.
 */
public final class NewThreadsFinder {
  /**
   * How far before the earliest arrival the query's search reaches. Only the arrivals themselves
   * are ever reported, so a wide margin costs message ids, never repeats; it covers a search date
   * that is not quite the arrival time.
   */
  static final Duration SEARCH_MARGIN = Duration.ofDays(1);

  private final GmailService gmail;
  private final LabelResolver labels;
  private final ThreadMessagesFetcher fetcher;
  private final MessageSearch search;

  public NewThreadsFinder(GmailService gmail, LabelResolver labels, ThreadMessagesFetcher fetcher) {
    this.gmail = gmail;
    this.labels = labels;
    this.fetcher = fetcher;
    this.search = new MessageSearch(gmail);
  }

  /** The mailbox's address and current history id: "now" (users.getProfile, 1 quota unit). */
  public MailboxPosition now() {
    Profile profile = gmail.profile();
    return new MailboxPosition(profile.getEmailAddress(), profile.getHistoryId().toString());
  }

  /**
   * Lets Gmail judge the filter once, when a cursor starts, so that a label that does not exist or
   * a query Gmail (or the login's scope) refuses fails now rather than when mail first arrives:
   * label names are looked up (users.labels.list, 1 quota unit) and the query is tried on one
   * message (users.messages.list, 5 quota units).
   */
  public void check(NewThreadsFilter filter) {
    List<String> labelIds = labels.resolve(filter.labels());
    if (filter.hasQuery()) {
      gmail.listMessages(
          new ListPage(1, filter.query(), labelIds, filter.includeSpamTrash(), null));
    }
  }

  /**
   * The threads that received a message that counts after {@code historyId}; empty when Gmail's
   * history no longer reaches back that far.
   *
   * @param details also give each thread's subject, sender, date and labels
   */
  public Optional<NewThreads> since(String historyId, NewThreadsFilter filter, boolean details) {
    BigInteger start = new BigInteger(historyId);
    BigInteger latest = start;
    Map<String, String> arrivals = new LinkedHashMap<>(); // message id → thread id
    String pageToken = null;
    do {
      Optional<ListHistoryResponse> page = gmail.history(start, pageToken);
      if (page.isEmpty()) {
        return Optional.empty();
      }
      for (History record : orEmpty(page.get().getHistory())) {
        // "after startHistoryId": never take the record the cursor stands on a second time
        if (record.getId() != null && record.getId().compareTo(start) <= 0) {
          continue;
        }
        for (HistoryMessageAdded added : orEmpty(record.getMessagesAdded())) {
          Message message = added.getMessage();
          if (message != null && message.getId() != null && message.getThreadId() != null) {
            arrivals.putIfAbsent(message.getId(), message.getThreadId());
          }
        }
      }
      if (page.get().getHistoryId() != null && page.get().getHistoryId().compareTo(latest) > 0) {
        latest = page.get().getHistoryId();
      }
      pageToken = page.get().getNextPageToken();
    } while (pageToken != null && !pageToken.isEmpty());
    List<ThreadSummary> threads =
        arrivals.isEmpty() ? List.of() : threadsOf(arrivals, filter, details, null);
    return Optional.of(new NewThreads(threads, latest.toString()));
  }

  /**
   * What arrived from {@code after} on, by a listing: for when history no longer reaches back.
   * "Now" is taken first, so what arrives during the listing is found again by the next run rather
   * than lost.
   */
  public NewThreads listedSince(Instant after, NewThreadsFilter filter, boolean details) {
    String now = now().historyId();
    Map<String, String> found =
        search.find(
            ArrivalRules.since(filter.query(), after),
            labels.resolve(filter.labels()),
            filter.includeSpamTrash(),
            null);
    List<ThreadSummary> threads =
        found.isEmpty() ? List.of() : threadsOf(found, filter, details, found.keySet());
    return new NewThreads(threads, now);
  }

  /**
   * The threads with an arrival that counts, newest arrival first.
   *
   * @param matching the arrivals already known to match the filter's query, or null to ask Gmail
   */
  private List<ThreadSummary> threadsOf(
      Map<String, String> arrivals,
      NewThreadsFilter filter,
      boolean details,
      Set<String> matching) {
    Map<String, Thread> threads = fetcher.fetch(arrivals.values().stream().distinct().toList());
    List<Message> candidates = new ArrayList<>();
    for (Thread thread : threads.values()) {
      for (Message message : orEmpty(thread.getMessages())) {
        if (arrivals.containsKey(message.getId()) && !ArrivalRules.isDraft(labelsOf(message))) {
          candidates.add(message);
        }
      }
    }
    if (candidates.isEmpty()) {
      return List.of();
    }
    Predicate<Message> counts = judge(candidates, filter, matching);
    Map<String, Long> newest = new HashMap<>(); // thread id → its latest arrival that counts
    for (Message message : candidates) {
      if (counts.test(message)) {
        newest.merge(arrivals.get(message.getId()), arrival(message), Math::max);
      }
    }
    return newest.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .map(entry -> summary(threads.get(entry.getKey()), details))
        .toList();
  }

  private Predicate<Message> judge(
      List<Message> candidates, NewThreadsFilter filter, Set<String> matching) {
    List<String> labelIds = labels.resolve(filter.labels());
    if (!filter.hasQuery()) {
      return message ->
          ArrivalRules.countsWithoutQuery(labelsOf(message), labelIds, filter.includeSpamTrash());
    }
    Set<String> matched = matching != null ? matching : search(candidates, filter, labelIds);
    return message -> matched.contains(message.getId());
  }

  // One search by Gmail, from a day before the earliest arrival, until every arrival was seen.
  private Set<String> search(
      List<Message> candidates, NewThreadsFilter filter, List<String> labelIds) {
    Instant earliest =
        Instant.ofEpochMilli(candidates.stream().mapToLong(this::arrival).min().orElseThrow());
    Set<String> wanted = candidates.stream().map(Message::getId).collect(Collectors.toSet());
    return search
        .find(
            ArrivalRules.since(filter.query(), earliest.minus(SEARCH_MARGIN)),
            labelIds,
            filter.includeSpamTrash(),
            wanted)
        .keySet();
  }

  private static ThreadSummary summary(Thread thread, boolean details) {
    List<Message> messages = orEmpty(thread.getMessages());
    String snippet = messages.isEmpty() ? "" : messages.get(messages.size() - 1).getSnippet();
    return new ThreadSummary(
        thread.getId(),
        snippet == null ? "" : snippet,
        thread.getHistoryId() == null ? null : thread.getHistoryId().toString(),
        details ? ThreadMetadata.details(thread) : null);
  }

  // Gmail always sends internalDate; without one a message counts as the oldest possible
  private long arrival(Message message) {
    return message.getInternalDate() == null ? 0 : message.getInternalDate();
  }

  private static List<String> labelsOf(Message message) {
    return message.getLabelIds() == null ? List.of() : message.getLabelIds();
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
