package dev.gmailcli.gmail;

import com.google.api.client.googleapis.batch.BatchRequest;
import com.google.api.client.googleapis.batch.json.JsonBatchCallback;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpResponseException;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.Label;
import com.google.api.services.gmail.model.ListHistoryResponse;
import com.google.api.services.gmail.model.ListMessagesResponse;
import com.google.api.services.gmail.model.Profile;
import com.google.api.services.gmail.model.Thread;
import dev.gmailcli.GmailCliException;
import dev.gmailcli.http.QuotaSummary;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The gateway to Gmail: every Gmail API call gmailcli makes goes through here, on the generated
 * client, except users.threads.list, which goes out as a plain GET ({@link ThreadsListCall}). Each
 * call, each part of a batch included, is paced by one {@link QuotaPacer} at the cost Gmail's quota
 * table gives it; transient failures are retried and Gmail's errors turned into messages with the
 * next step.
 */
public final class GmailService {
  /** The most threads.get calls one batch request may carry. */
  public static final int MAX_BATCH = 50;

  static final List<String> METADATA_HEADERS = List.of("Subject", "From", "Date");
  private static final String METADATA_FIELDS =
      "id,historyId,messages(id,labelIds,internalDate,payload/headers)";
  private static final String MESSAGES_FIELDS =
      "id,historyId,messages(id,labelIds,internalDate,snippet,payload/headers)";
  private static final List<String> HISTORY_TYPES = List.of("messageAdded");

  /** The most history records users.history.list returns per page. */
  public static final int MAX_HISTORY_PAGE = 500;

  private final GmailClient client;
  private final ThreadsListCall threadsList;
  private final QuotaPacer pacer;

  /**
   * @param client the generated client, for every call but users.threads.list
   * @param threadsList sends users.threads.list, authorized as the client's calls are
   * @param pacer decides when each call goes out, and retries
   */
  public GmailService(GmailClient client, ThreadsListCall threadsList, QuotaPacer pacer) {
    this.client = client;
    this.threadsList = threadsList;
    this.pacer = pacer;
  }

  /** Receives the outcome of each part of a batch. */
  public interface PartCallback {
    void onSuccess(String threadId, Thread thread);

    void onFailure(String threadId, GoogleJsonError error, HttpHeaders headers);
  }

  /** One page of users.threads.list. */
  public ThreadsPage listThreads(ListPage page) {
    return pacer.call("list threads", QuotaCost.THREADS_LIST, () -> threadsList.execute(page));
  }

  /**
   * Subject, From and Date headers, label ids and arrival times of the messages of up to {@link
   * #batchLimit()} threads, in one batch request; each part's outcome goes to {@code callback}.
   * Parts Gmail refused for its quota are reported as failures: the caller sends them again later.
   */
  public void threadMetadata(List<String> threadIds, PartCallback callback) {
    threadsBatch("fetch thread details", METADATA_FIELDS, threadIds, callback);
  }

  /**
   * Like {@link #threadMetadata}, with each message's snippet as well: what {@code threads --new}
   * needs to judge and print the threads that history named (each part 10 quota units).
   */
  public void threadMessages(List<String> threadIds, PartCallback callback) {
    threadsBatch("fetch new threads", MESSAGES_FIELDS, threadIds, callback);
  }

  private void threadsBatch(
      String what, String fields, List<String> threadIds, PartCallback callback) {
    if (threadIds.size() > MAX_BATCH) {
      throw new IllegalArgumentException("at most " + MAX_BATCH + " threads per batch");
    }
    pacer.batch(
        what,
        threadIds.size(),
        QuotaCost.THREADS_GET,
        tally -> {
          Gmail gmail = client.get();
          BatchRequest batch = gmail.batch(client.initializer()).setSleeper(pacer.sleeper());
          for (String id : threadIds) {
            gmail
                .users()
                .threads()
                .get("me", id)
                .setFormat("metadata")
                .setMetadataHeaders(METADATA_HEADERS)
                .setFields(fields)
                .queue(batch, partCallback(id, tally, callback));
          }
          batch.execute();
        });
  }

  /** How many threads the next {@link #threadMetadata} call should ask for at most. */
  public int batchLimit() {
    return Math.min(MAX_BATCH, pacer.maxCalls(QuotaCost.THREADS_GET));
  }

  /** The mailbox's labels (users.labels.list). */
  public List<Label> labels() {
    List<Label> labels =
        pacer
            .call(
                "list labels",
                QuotaCost.LABELS_LIST,
                () -> client.get().users().labels().list("me").execute())
            .getLabels();
    return labels == null ? List.of() : labels;
  }

  /** The mailbox's address (users.getProfile). */
  public String emailAddress() {
    return profile().getEmailAddress();
  }

  /**
   * The mailbox's address and its current history id: where "now" is for {@code threads --new}
   * (users.getProfile, 1 quota unit).
   */
  public Profile profile() {
    return pacer.call(
        "read the Gmail profile",
        QuotaCost.GET_PROFILE,
        () -> client.get().users().getProfile("me").execute());
  }

  /**
   * One page of the mailbox's history after {@code startHistoryId}, {@code messageAdded} records
   * only (users.history.list, 2 quota units); empty when Gmail no longer keeps history that old (it
   * answers 404: usually after about a week, sometimes after hours).
   */
  public Optional<ListHistoryResponse> history(BigInteger startHistoryId, String pageToken) {
    try {
      return Optional.of(
          pacer.call(
              "read the mailbox's history",
              QuotaCost.HISTORY_LIST,
              () ->
                  client
                      .get()
                      .users()
                      .history()
                      .list("me")
                      .setStartHistoryId(startHistoryId)
                      .setHistoryTypes(HISTORY_TYPES)
                      .setMaxResults((long) MAX_HISTORY_PAGE)
                      .setPageToken(pageToken)
                      .execute()));
    } catch (GmailCliException e) {
      if (e.getCause() instanceof HttpResponseException http && http.getStatusCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** One page of users.messages.list (5 quota units): the matching messages, newest first. */
  public ListMessagesResponse listMessages(ListPage page) {
    return pacer.call(
        "search messages",
        QuotaCost.MESSAGES_LIST,
        () -> page.applyTo(client.get().users().messages().list("me")).execute());
  }

  /** Quota units spent, calls refused and time waited so far. */
  public QuotaSummary quotaSummary() {
    return pacer.summary();
  }

  private static JsonBatchCallback<Thread> partCallback(
      String id, PartTally tally, PartCallback callback) {
    return new JsonBatchCallback<>() {
      @Override
      public void onSuccess(Thread thread, HttpHeaders headers) {
        tally.success();
        callback.onSuccess(id, thread);
      }

      @Override
      public void onFailure(GoogleJsonError error, HttpHeaders headers) {
        tally.failure(error, headers);
        callback.onFailure(id, error, headers);
      }
    };
  }
}
