package dev.gmailcli.gmail;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.http.HttpHeaders;
import com.google.api.services.gmail.model.Thread;
import dev.gmailcli.http.Retrier;
import dev.gmailcli.http.TransientFailures;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Fetches the messages of the threads that history named — ids, labels, arrival times, snippets and
 * the Subject, From and Date headers — in batch requests of at most 50 threads; parts that fail
 * transiently are sent again in the next batch after a backoff. A thread deleted meanwhile is
 * simply no longer there: it has nothing new to show.
 */
public final class ThreadMessagesFetcher {
  private final GmailService gmail;
  private final Retrier retrier;
  private final Clock clock;
  private final Consumer<String> warnings;

  /**
   * @param retrier paces the retries of parts that failed transiently
   * @param warnings receives the threads Gmail refused to show, which are left out
   */
  public ThreadMessagesFetcher(
      GmailService gmail, Retrier retrier, Clock clock, Consumer<String> warnings) {
    this.gmail = gmail;
    this.retrier = retrier;
    this.clock = clock;
    this.warnings = warnings;
  }

  /** The threads Gmail still has among {@code ids}, by id. */
  Map<String, Thread> fetch(List<String> ids) {
    Map<String, Thread> found = new LinkedHashMap<>();
    List<String> pending = new ArrayList<>(ids);
    Retrier.Budget budget = retrier.newBudget();
    while (!pending.isEmpty()) {
      Parts parts = new Parts(found);
      for (int from = 0; from < pending.size(); from += GmailService.MAX_BATCH) {
        gmail.threadMessages(
            pending.subList(from, Math.min(from + GmailService.MAX_BATCH, pending.size())), parts);
      }
      pending = parts.retry;
      String failing = pending.size() + " thread(s) failing with HTTP " + parts.lastStatus;
      if (!pending.isEmpty() && !budget.waitBeforeRetry(parts.retryAfter, failing)) {
        throw GmailErrors.toCliException(
            budget.exhausted(
                "Gmail answered HTTP " + parts.lastStatus + " inside batch requests", null),
            "fetch " + pending.size() + " new thread(s)");
      }
    }
    return found;
  }

  /** Collects one round of batch parts: threads found, and what to send again. */
  private final class Parts implements GmailService.PartCallback {
    final Map<String, Thread> found;
    final List<String> retry = new ArrayList<>();
    Duration retryAfter;
    int lastStatus;

    Parts(Map<String, Thread> found) {
      this.found = found;
    }

    @Override
    public void onSuccess(String id, Thread thread) {
      found.put(id, thread);
    }

    @Override
    public void onFailure(String id, GoogleJsonError error, HttpHeaders headers) {
      int status = error == null ? 0 : error.getCode();
      if (TransientFailures.isTransient(status, TransientFailures.reasons(error))) {
        retry.add(id);
        lastStatus = status;
        Duration wait = TransientFailures.retryAfter(headers, clock);
        if (wait != null && (retryAfter == null || wait.compareTo(retryAfter) > 0)) {
          retryAfter = wait;
        }
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
