package dev.gmailcli.gmail;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.http.HttpHeaders;
import com.google.api.services.gmail.model.Thread;
import dev.gmailcli.http.TransientFailures;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
      Parts parts = new Parts(found);
      try {
        gmail.threadMetadata(batch, parts);
      } finally {
        List<String> again = new ArrayList<>(parts.retry);
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

  /** Collects one batch's parts: details found, and what to send again. */
  private final class Parts implements GmailService.PartCallback {
    final Map<String, ThreadDetails> found;
    final Set<String> retry = new LinkedHashSet<>();

    Parts(Map<String, ThreadDetails> found) {
      this.found = found;
    }

    @Override
    public void onSuccess(String id, Thread thread) {
      found.put(id, ThreadMetadata.details(thread));
      retry.remove(id);
    }

    @Override
    public void onFailure(String id, GoogleJsonError error, HttpHeaders headers) {
      int status = error == null ? 0 : error.getCode();
      if (TransientFailures.isTransient(status, TransientFailures.reasons(error))) {
        retry.add(id);
        return;
      }
      if (status == 404) {
        warnings.accept("thread " + id + " was deleted while listing; it is shown without details");
      } else if (status == 401 || status == 403) {
        // the login itself is the problem: every other thread would fail the same way
        throw GmailErrors.forStatus(status, error, "fetch details of thread " + id, null);
      } else {
        String said = error == null || error.getMessage() == null ? "" : ": " + error.getMessage();
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
}
