package dev.gmailcli.gmail;

import dev.gmailcli.GmailCliException;
import java.util.Iterator;
import java.util.List;

/**
 * Lists threads with the fewest calls: threads.list pages of exactly what is still needed (500 at
 * most, Gmail's limit), and for details batch requests of up to 50 threads. Threads reach the sink
 * in list order as soon as their details are in, a page at a time at most, so memory stays flat
 * however many are listed and a failure leaves what came before it delivered.
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

  /**
   * Lists threads into {@code sink}, ending with {@link ThreadSink#end}.
   *
   * @throws GmailCliException when the listing cannot go on; once threads were listed, its message
   *     says how many, and how many of them lack their details
   */
  public void list(ThreadQuery query, ThreadSink sink) {
    Counts counts = new Counts();
    try {
      list(query, sink, counts);
    } catch (GmailCliException e) {
      throw counts.stopped(e);
    }
  }

  private void list(ThreadQuery query, ThreadSink sink, Counts counts) {
    List<String> labelIds = labels.resolve(query.labels());
    String pageToken = query.pageToken();
    Long estimate = null;
    while (true) {
      int wanted = Math.min(MAX_PAGE, query.max() - counts.listed);
      ThreadsPage page =
          gmail.listThreads(
              new ListPage(wanted, query.query(), labelIds, query.includeSpamTrash(), pageToken));
      if (estimate == null) {
        estimate = page.resultSizeEstimate();
      }
      List<ThreadSummary> threads = page.threads();
      counts.listed += threads.size();
      if (query.details() && !threads.isEmpty()) {
        Iterator<ThreadSummary> inOrder = threads.iterator();
        Long soFar = estimate;
        detailsFetcher.fetch(
            threads.stream().map(ThreadSummary::id).toList(),
            (id, details) -> counts.deliver(sink, inOrder.next(), details),
            () -> {
              sink.batchDone(counts.delivered, soFar);
              return sink.wantsMore();
            });
      } else {
        threads.forEach(thread -> counts.deliver(sink, thread, null));
      }
      pageToken = page.nextPageToken();
      boolean more =
          pageToken != null
              && !threads.isEmpty()
              && counts.listed < query.max()
              && sink.wantsMore();
      sink.pageDone(counts.delivered, estimate, more);
      if (!more) {
        break;
      }
    }
    sink.end(pageToken, estimate);
  }

  /** Threads listed by threads.list, and those handed to the sink. */
  private static final class Counts {
    int listed;
    int delivered;

    void deliver(ThreadSink sink, ThreadSummary listed, ThreadDetails details) {
      sink.accept(
          details == null
              ? listed
              : new ThreadSummary(listed.id(), listed.snippet(), listed.historyId(), details));
      delivered++;
    }

    GmailCliException stopped(GmailCliException failure) {
      if (listed == 0) {
        return failure;
      }
      int missing = listed - delivered;
      String where =
          "; stopped after listing "
              + listed
              + (listed == 1 ? " thread" : " threads")
              + (missing == 0 ? "" : ", details of " + missing + " of them missing");
      return new GmailCliException(
          failure.exitCode(), failure.getMessage() + where, failure.hint(), failure.getCause());
    }
  }
}
