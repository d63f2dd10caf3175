package dev.gmailcli.gmail;

import com.google.api.services.gmail.model.ListThreadsResponse;
import com.google.api.services.gmail.model.Thread;
import java.util.List;
import java.util.Map;

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

  public ThreadLister(
      GmailService gmail, LabelResolver labels, ThreadDetailsFetcher detailsFetcher) {
    this.gmail = gmail;
    this.labels = labels;
    this.detailsFetcher = detailsFetcher;
  }

  /** Lists threads into {@code sink}, ending with {@link ThreadSink#end}. */
  public void list(ThreadQuery query, ThreadSink sink) {
    List<String> labelIds = labels.resolve(query.labels());
    String pageToken = query.pageToken();
    Long estimate = null;
    int listed = 0;
    while (true) {
      int wanted = Math.min(MAX_PAGE, query.max() - listed);
      ListThreadsResponse page =
          gmail.listThreads(
              new ThreadPage(wanted, query.query(), labelIds, query.includeSpamTrash(), pageToken));
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
}
