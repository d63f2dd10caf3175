package dev.gmailcli.gmail;

import java.util.List;

/**
 * One page of users.threads.list.
 *
 * @param threads the threads of the page, in Gmail's order, without details
 * @param nextPageToken where the next page starts, or null on the last page
 * @param resultSizeEstimate Gmail's estimate of all matching threads, or null when it sent none
 */
public record ThreadsPage(
    List<ThreadSummary> threads, String nextPageToken, Long resultSizeEstimate) {
  public ThreadsPage {
    threads = List.copyOf(threads);
  }
}
