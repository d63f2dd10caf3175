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
 * Fetches thread metadata (Subject, From, Date) with Gmail batch requests of at most 50 calls, as
 * Gmail recommends: 100 threads cost 2 HTTP requests, not 100. Threads that fail transiently inside
 * a batch are sent again in the next batch after a backoff; a thread deleted meanwhile is reported,
 * never silently dropped.
 */
public final class ThreadDetailsFetcher {
  private final GmailService gmail;
  private final Retrier retrier;
  private final Clock clock;
  private final Consumer<String> warnings;

  /**
   * @param retrier paces the retries of parts that failed transiently
   * @param warnings receives problems that do not stop the listing (deleted threads)
   */
  public ThreadDetailsFetcher(
      GmailService gmail, Retrier retrier, Clock clock, Consumer<String> warnings) {
    this.gmail = gmail;
    this.retrier = retrier;
    this.clock = clock;
    this.warnings = warnings;
  }

  /** Details for each id, in the given order; null for a thread Gmail no longer has. */
  Map<String, ThreadDetails> fetch(List<String> ids) {
    Map<String, ThreadDetails> found = new LinkedHashMap<>();
    ids.forEach(id -> found.put(id, null));
    List<String> pending = new ArrayList<>(ids);
    Retrier.Budget budget = retrier.newBudget();
    while (!pending.isEmpty()) {
      Parts parts = new Parts(found);
      for (int from = 0; from < pending.size(); from += GmailService.MAX_BATCH) {
        gmail.threadMetadata(
            pending.subList(from, Math.min(from + GmailService.MAX_BATCH, pending.size())), parts);
      }
      pending = parts.retry;
      String failing = pending.size() + " thread(s) failing with HTTP " + parts.lastStatus;
      if (!pending.isEmpty() && !budget.waitBeforeRetry(parts.retryAfter, failing)) {
        throw GmailErrors.toCliException(
            budget.exhausted(
                "Gmail answered HTTP " + parts.lastStatus + " inside batch requests", null),
            "fetch details of " + pending.size() + " thread(s)");
      }
    }
    return found;
  }

  /** Collects one round of batch parts: details found, and what to send again. */
  private final class Parts implements GmailService.PartCallback {
    final Map<String, ThreadDetails> found;
    final List<String> retry = new ArrayList<>();
    Duration retryAfter;
    int lastStatus;

    Parts(Map<String, ThreadDetails> found) {
      this.found = found;
    }

    @Override
    public void onSuccess(String id, Thread thread) {
      found.put(id, ThreadMetadata.details(thread));
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
      } else if (status == 404) {
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
    }
  }
}
