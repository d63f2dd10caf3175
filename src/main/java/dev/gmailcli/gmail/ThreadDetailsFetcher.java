package dev.gmailcli.gmail;

import com.google.api.client.googleapis.batch.BatchRequest;
import com.google.api.client.googleapis.batch.json.JsonBatchCallback;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.util.Sleeper;
import com.google.api.services.gmail.model.Thread;
import dev.gmailcli.http.Retrier;
import dev.gmailcli.http.TransientFailures;
import java.io.IOException;
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
final class ThreadDetailsFetcher {
  static final int MAX_BATCH = 50;
  static final List<String> HEADERS = List.of("Subject", "From", "Date");
  private static final String FIELDS =
      "id,historyId,messages(id,labelIds,internalDate,payload/headers)";

  private final GmailService gmail;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Consumer<String> warnings;

  ThreadDetailsFetcher(
      GmailService gmail, Sleeper sleeper, Clock clock, Consumer<String> warnings) {
    this.gmail = gmail;
    this.sleeper = sleeper;
    this.clock = clock;
    this.warnings = warnings;
  }

  /** Details for each id, in the given order; null for a thread Gmail no longer has. */
  Map<String, ThreadDetails> fetch(List<String> ids) {
    Map<String, ThreadDetails> found = new LinkedHashMap<>();
    ids.forEach(id -> found.put(id, null));
    List<String> pending = new ArrayList<>(ids);
    Retrier.Budget budget = gmail.retrier().newBudget();
    while (!pending.isEmpty()) {
      Failures failures = new Failures();
      for (int from = 0; from < pending.size(); from += MAX_BATCH) {
        List<String> chunk = pending.subList(from, Math.min(from + MAX_BATCH, pending.size()));
        executeBatch(chunk, found, failures);
      }
      pending = failures.retry;
      String failing = pending.size() + " thread(s) failing with HTTP " + failures.lastStatus;
      if (!pending.isEmpty() && !budget.waitBeforeRetry(failures.retryAfter, failing)) {
        throw budget.exhausted(
            "fetch details of " + pending.size() + " thread(s)",
            "Gmail answered HTTP " + failures.lastStatus + " inside batch requests",
            null);
      }
    }
    return found;
  }

  private void executeBatch(
      List<String> chunk, Map<String, ThreadDetails> found, Failures failures) {
    try {
      gmail
          .retrier()
          .call(
              "fetch thread details",
              () -> {
                BatchRequest batch = gmail.client().batch(gmail.initializer()).setSleeper(sleeper);
                for (String id : chunk) {
                  gmail
                      .client()
                      .users()
                      .threads()
                      .get("me", id)
                      .setFormat("metadata")
                      .setMetadataHeaders(HEADERS)
                      .setFields(FIELDS)
                      .queue(batch, callback(id, found, failures));
                }
                batch.execute();
                return null;
              });
    } catch (IOException e) {
      throw GmailErrors.toCliException(e, "fetch thread details");
    }
  }

  private JsonBatchCallback<Thread> callback(
      String id, Map<String, ThreadDetails> found, Failures failures) {
    return new JsonBatchCallback<>() {
      @Override
      public void onSuccess(Thread thread, HttpHeaders headers) {
        found.put(id, ThreadMetadata.details(thread));
      }

      @Override
      public void onFailure(GoogleJsonError error, HttpHeaders headers) {
        int status = error == null ? 0 : error.getCode();
        if (TransientFailures.isTransient(status, TransientFailures.reasons(error))) {
          failures.retry.add(id);
          failures.lastStatus = status;
          Duration wait = TransientFailures.retryAfter(headers, clock);
          if (wait != null
              && (failures.retryAfter == null || wait.compareTo(failures.retryAfter) > 0)) {
            failures.retryAfter = wait;
          }
        } else if (status == 404) {
          warnings.accept(
              "thread " + id + " was deleted while listing; it is shown without details");
        } else if (status == 401 || status == 403) {
          // the login itself is the problem: every other thread would fail the same way
          throw GmailErrors.forStatus(status, error, "fetch details of thread " + id, null);
        } else {
          String said =
              error == null || error.getMessage() == null ? "" : ": " + error.getMessage();
          warnings.accept(
              "Gmail refused the details of thread "
                  + id
                  + " (HTTP "
                  + status
                  + said
                  + "); it is shown without details");
        }
      }
    };
  }

  /** What to send again after one round of batches. */
  private static final class Failures {
    final List<String> retry = new ArrayList<>();
    Duration retryAfter;
    int lastStatus;
  }
}
