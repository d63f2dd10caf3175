package dev.gmailcli.gmail;

import com.google.api.client.util.Sleeper;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.ListThreadsResponse;
import com.google.api.services.gmail.model.Thread;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Lists threads with the fewest HTTP calls: threads.list pages of exactly what is still needed (500
 * at most, Gmail's limit), and for details one batch request per 50 threads. Each page is handed to
 * the sink before the next is fetched, so memory stays flat however many are listed.
 */
public final class ThreadLister {
  /** The most threads.list returns per page. */
  public static final int MAX_PAGE = 500;

  private final GmailService gmail;
  private final LabelResolver labels;
  private final ThreadDetailsFetcher detailsFetcher;

  /**
   * @param warnings receives problems that do not stop the listing (deleted threads)
   */
  public ThreadLister(GmailService gmail, Sleeper sleeper, Clock clock, Consumer<String> warnings) {
    this.gmail = gmail;
    this.labels = new LabelResolver(gmail);
    this.detailsFetcher = new ThreadDetailsFetcher(gmail, sleeper, clock, warnings);
  }

  /** Lists threads into {@code sink}, ending with {@link ThreadSink#end}. */
  public void list(ThreadQuery query, ThreadSink sink) {
    List<String> labelIds = query.labels().isEmpty() ? null : labels.resolve(query.labels());
    String pageToken = query.pageToken();
    Long estimate = null;
    int listed = 0;
    while (true) {
      ListThreadsResponse page = fetchPage(query, labelIds, pageToken, query.max() - listed);
      if (estimate == null) {
        estimate = page.getResultSizeEstimate();
      }
      List<Thread> threads = page.getThreads() == null ? List.of() : page.getThreads();
      Map<String, ThreadDetails> details =
          query.details() && !threads.isEmpty()
              ? detailsFetcher.fetch(threads.stream().map(Thread::getId).toList())
              : Map.of();
      for (Thread thread : threads) {
        sink.accept(
            new ThreadSummary(
                thread.getId(),
                thread.getSnippet(),
                thread.getHistoryId() == null ? null : thread.getHistoryId().toString(),
                details.get(thread.getId())));
      }
      listed += threads.size();
      pageToken = page.getNextPageToken();
      boolean more =
          pageToken != null && !threads.isEmpty() && listed < query.max() && sink.wantsMore();
      sink.pageDone(listed, estimate, more);
      if (!more) {
        break;
      }
    }
    sink.end(pageToken, estimate);
  }

  private ListThreadsResponse fetchPage(
      ThreadQuery query, List<String> labelIds, String pageToken, int wanted) {
    try {
      return gmail
          .retrier()
          .call(
              "list threads",
              () -> {
                Gmail.Users.Threads.List request =
                    gmail
                        .client()
                        .users()
                        .threads()
                        .list("me")
                        .setMaxResults((long) Math.min(MAX_PAGE, wanted));
                if (query.query() != null && !query.query().isBlank()) {
                  request.setQ(query.query());
                }
                if (labelIds != null) {
                  request.setLabelIds(labelIds);
                }
                if (query.includeSpamTrash()) {
                  request.setIncludeSpamTrash(true);
                }
                if (pageToken != null && !pageToken.isBlank()) {
                  request.setPageToken(pageToken);
                }
                return request.execute();
              });
    } catch (IOException e) {
      throw GmailErrors.toCliException(e, "list threads");
    }
  }
}
