package dev.gmailcli.gmail;

import com.google.api.services.gmail.model.Thread;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Fetches the messages of the threads that history named — ids, labels, arrival times, snippets and
 * the Subject, From and Date headers — in batch requests of at most 50 threads, paced by the quota
 * budget; parts that fail transiently (refused for the quota, or a 5xx) go into the next batch. A
 * thread deleted meanwhile is simply no longer there: it has nothing new to show.
 */
public final class ThreadMessagesFetcher {
  private final GmailService gmail;
  private final Consumer<String> warnings;

  /**
   * @param warnings receives the threads Gmail refused to show, which are left out
   */
  public ThreadMessagesFetcher(GmailService gmail, Consumer<String> warnings) {
    this.gmail = gmail;
    this.warnings = warnings;
  }

  /** The threads Gmail still has among {@code ids}, by id. */
  Map<String, Thread> fetch(List<String> ids) {
    Map<String, Thread> found = new LinkedHashMap<>();
    Deque<String> pending = new ArrayDeque<>(ids);
    while (!pending.isEmpty()) {
      List<String> batch = new ArrayList<>();
      for (int n = Math.min(pending.size(), gmail.batchLimit()); n > 0; n--) {
        batch.add(pending.removeFirst());
      }
      BatchParts<Thread> parts =
          new BatchParts<>(found, thread -> thread, "fetch new thread", this::leftOut);
      gmail.threadMessages(batch, parts);
      pending.addAll(parts.retry());
    }
    return found;
  }

  private void leftOut(String id, int status, String said) {
    // a thread deleted meanwhile has nothing new to show
    if (status != 404) {
      warnings.accept(
          "Gmail refused to show new thread " + id + " (HTTP " + status + said + "); left out");
    }
  }
}
