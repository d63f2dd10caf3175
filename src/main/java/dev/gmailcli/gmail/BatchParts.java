package dev.gmailcli.gmail;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.http.HttpHeaders;
import com.google.api.services.gmail.model.Thread;
import dev.gmailcli.http.TransientFailures;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Collects the parts of one batch of {@code threads.get}: what each thread that came back becomes,
 * the threads to send again (refused for the quota, or a 5xx), and, for any other refusal, what the
 * caller makes of it. A 401 or 403 ends the fetching: the login itself is the problem, and every
 * other thread would fail the same way.
 *
 * @param <T> what a thread becomes
 */
final class BatchParts<T> implements GmailService.PartCallback {
  /** What a caller makes of a thread Gmail refused for good (404 included). */
  interface Refusal {
    /**
     * @param said ": " and Gmail's message, or ""
     */
    void refused(String threadId, int status, String said);
  }

  private final Map<String, T> found;
  private final Function<Thread, T> value;
  private final String action;
  private final Refusal refusal;
  private final Set<String> retry = new LinkedHashSet<>();

  /**
   * @param found where the threads that came back go, by id
   * @param action what was being done, for a 401/403's message, e.g. "fetch new thread"
   */
  BatchParts(Map<String, T> found, Function<Thread, T> value, String action, Refusal refusal) {
    this.found = found;
    this.value = value;
    this.action = action;
    this.refusal = refusal;
  }

  /** The threads to send again, in the order they failed. */
  Set<String> retry() {
    return retry;
  }

  @Override
  public void onSuccess(String id, Thread thread) {
    found.put(id, value.apply(thread));
    retry.remove(id);
  }

  @Override
  public void onFailure(String id, GoogleJsonError error, HttpHeaders headers) {
    int status = error == null ? 0 : error.getCode();
    if (TransientFailures.isTransient(status, TransientFailures.reasons(error))) {
      retry.add(id);
    } else if (status == 401 || status == 403) {
      throw GmailErrors.forStatus(status, error, action + " " + id, null);
    } else {
      String said = error == null || error.getMessage() == null ? "" : ": " + error.getMessage();
      refusal.refused(id, status, said);
    }
  }
}
