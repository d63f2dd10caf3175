package dev.gmailcli.gmail;

/** Receives a listing as it arrives, page by page, so large listings need not fit in memory. */
public interface ThreadSink {
  /** One thread, in Gmail's order (newest first). */
  void accept(ThreadSummary thread);

  /**
   * Details of a batch of threads are in and the threads were passed to {@link #accept}: what was
   * accepted should reach the reader now.
   *
   * @param listedSoFar threads passed to {@link #accept} so far
   * @param resultSizeEstimate Gmail's estimate of the total
   */
  default void batchDone(int listedSoFar, Long resultSizeEstimate) {}

  /**
   * A page is done.
   *
   * @param listedSoFar threads passed to {@link #accept} so far
   * @param resultSizeEstimate Gmail's estimate of the total
   * @param morePages another page is about to be fetched
   */
  default void pageDone(int listedSoFar, Long resultSizeEstimate, boolean morePages) {}

  /**
   * False once the output can take no more (a closed pipe, as in {@code | head}): the listing then
   * stops instead of fetching pages nobody reads.
   */
  default boolean wantsMore() {
    return true;
  }

  /**
   * The listing is over.
   *
   * @param nextPageToken set only when more threads remain beyond those listed
   * @param resultSizeEstimate Gmail's estimate of the total, from the first page
   */
  void end(String nextPageToken, Long resultSizeEstimate);
}
