package dev.gmailcli.gmail;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.http.HttpHeaders;
import com.google.api.services.gmail.model.Thread;
import dev.gmailcli.http.TransientFailures;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
      Parts parts = new Parts(found);
      gmail.threadMessages(batch, parts);
      pending.addAll(parts.retry);
    }
    return found;
  }

  /** Collects one batch's parts: threads found, and what to send again. */
  private final class Parts implements GmailService.PartCallback {
    final Map<String, Thread> found;
    final Set<String> retry = new LinkedHashSet<>();

    Parts(Map<String, Thread> found) {
      this.found = found;
    }

    @Override
    public void onSuccess(String id, Thread thread) {
      found.put(id, thread);
      retry.remove(id);
    }

    @Override
    public void onFailure(String id, GoogleJsonError error, HttpHeaders headers) {
      int status = error == null ? 0 : error.getCode();
      if (TransientFailures.isTransient(status, TransientFailures.reasons(error))) {
        retry.add(id);
      } else if (status == 401 || status == 403) {
        // the login itself is the problem: every other thread would fail the same way
        throw GmailErrors.forStatus(status, error, "fetch new thread " + id, null);
      } else if (status != 404) {
        String said = error == null || error.getMessage() == null ? "" : ": " + error.getMessage();
        warnings.accept(
            "Gmail refused to show new thread " + id + " (HTTP " + status + said + "); left out");
      }
    }
  }
}
