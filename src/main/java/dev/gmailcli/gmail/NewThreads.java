package dev.gmailcli.gmail;

import java.util.List;

/**
 * What {@code threads --new} found.
 *
 * @param threads the threads that received a message that counts, newest first, each once
 * @param historyId the mailbox's history id the next run reads on from
 */
public record NewThreads(List<ThreadSummary> threads, String historyId) {

  public NewThreads {
    threads = List.copyOf(threads);
  }
}
