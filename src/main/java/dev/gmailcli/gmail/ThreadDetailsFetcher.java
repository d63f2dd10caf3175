package dev.gmailcli.gmail;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Fetches thread metadata (Subject, From, Date) with Gmail batch requests of at most 50 calls, as
 * Gmail recommends: 100 threads cost 2 HTTP requests, not 100 — and never more than the quota
 * budget allows at once. Threads that fail transiently inside a batch (refused for the quota, or a
 * 5xx) go into the next batch; a thread deleted meanwhile is reported, never silently dropped.
 * Details are handed on in list order as soon as they are in, so output starts early and a failure
 * later on leaves what came before intact.
 */
public final class ThreadDetailsFetcher {
  private final GmailService gmail;
  private final Consumer<String> warnings;

  /**
   * @param warnings receives problems that do not stop the listing (deleted threads)
   */
  public ThreadDetailsFetcher(GmailService gmail, Consumer<String> warnings) {
    this.gmail = gmail;
    this.warnings = warnings;
  }

  /**
   * Fetches the details of {@code ids} and hands each to {@code settled} in the given order (null
   * for a thread shown without details), as soon as it and all before it are in; {@code batchDone}
   * runs after each batch that handed something on, and stops the fetching when it answers false
   * (nobody reads the output any more).
   */
  void fetch(
      List<String> ids, BiConsumer<String, ThreadDetails> settled, BooleanSupplier batchDone) {
    Map<String, ThreadDetails> found = new HashMap<>();
    Deque<String> pending = new ArrayDeque<>(ids);
    int next = 0;
    boolean wanted = true;
    while (wanted && !pending.isEmpty()) {
      List<String> batch = new ArrayList<>();
      for (int n = Math.min(pending.size(), gmail.batchLimit()); n > 0; n--) {
        batch.add(pending.removeFirst());
      }
      BatchParts<ThreadDetails> parts =
          new BatchParts<>(
              found,
              ThreadMetadata::details,
              "fetch details of thread",
              (id, status, said) -> withoutDetails(found, id, status, said));
      try {
        gmail.threadMetadata(batch, parts);
      } finally {
        List<String> again = new ArrayList<>(parts.retry());
        for (int i = again.size() - 1; i >= 0; i--) {
          pending.addFirst(again.get(i));
        }
        int before = next;
        while (next < ids.size() && found.containsKey(ids.get(next))) {
          settled.accept(ids.get(next), found.get(ids.get(next)));
          next++;
        }
        if (next > before) {
          wanted = batchDone.getAsBoolean();
        }
      }
    }
  }

  // shown all the same, without details, and said so
  private void withoutDetails(
      Map<String, ThreadDetails> found, String id, int status, String said) {
    if (status == 404) {
      warnings.accept("thread " + id + " was deleted while listing; it is shown without details");
    } else {
      warnings.accept(
          "Gmail refused the details of thread "
              + id
              + " (HTTP "
              + status
              + said
              + "); it is shown without details");
    }
    found.put(id, null);
  }
}
