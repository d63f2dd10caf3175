package dev.gmailcli.gmail;

import com.google.api.client.googleapis.batch.BatchRequest;
import com.google.api.client.googleapis.batch.json.JsonBatchCallback;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.client.util.ClassInfo;
import com.google.api.client.util.Sleeper;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.Label;
import com.google.api.services.gmail.model.ListHistoryResponse;
import com.google.api.services.gmail.model.ListMessagesResponse;
import com.google.api.services.gmail.model.ListThreadsResponse;
import com.google.api.services.gmail.model.Profile;
import com.google.api.services.gmail.model.Thread;
import dev.gmailcli.GmailCliException;
import dev.gmailcli.http.Retrier;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The gateway to Gmail: every Gmail API call gmailcli makes goes through here, on the generated
 * client pointed at the configured root URL, with retries for transient failures and Gmail's errors
 * turned into messages with the next step.
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

  private final Gmail gmail;
  private final HttpRequestInitializer initializer;
  private final Retrier retrier;
  private final Sleeper sleeper;

  /**
   * @param initializer authorizes each request (see {@code GmailAuthorization})
   * @param sleeper how the batch client waits between its own attempts
   */
  public GmailService(
      HttpTransport transport,
      String rootUrl,
      HttpRequestInitializer initializer,
      Retrier retrier,
      Sleeper sleeper,
      String applicationName) {
    this.initializer = initializer;
    this.retrier = retrier;
    this.sleeper = sleeper;
    this.gmail =
        new Gmail.Builder(transport, GsonFactory.getDefaultInstance(), initializer)
            .setRootUrl(rootUrl)
            .setApplicationName(applicationName)
            .build();
  }

  /**
   * Does ahead the one-time reflection google-http-client does on the first request and response of
   * each kind (it inspects every request and model class once), so that a command's first listing
   * does not wait for it. Safe to run on any thread, beside a command.
   */
  public static void prepare() {
    ClassInfo.of(Gmail.Users.Threads.List.class);
    ClassInfo.of(ListThreadsResponse.class);
    ClassInfo.of(Thread.class);
    ClassInfo.of(Gmail.Users.GetProfile.class);
    ClassInfo.of(Profile.class);
  }

  /** Receives the outcome of each part of a batch. */
  public interface PartCallback {
    void onSuccess(String threadId, Thread thread);

    void onFailure(String threadId, GoogleJsonError error, HttpHeaders headers);
  }

  /** One page of users.threads.list. */
  public ListThreadsResponse listThreads(ThreadPage page) {
    return call(
        "list threads",
        () -> {
          Gmail.Users.Threads.List request =
              gmail.users().threads().list("me").setMaxResults((long) page.maxResults());
          if (page.query() != null && !page.query().isBlank()) {
            request.setQ(page.query());
          }
          if (!page.labelIds().isEmpty()) {
            request.setLabelIds(page.labelIds());
          }
          if (page.includeSpamTrash()) {
            request.setIncludeSpamTrash(true);
          }
          if (page.pageToken() != null && !page.pageToken().isBlank()) {
            request.setPageToken(page.pageToken());
          }
          return request.execute();
        });
  }

  /**
   * Subject, From and Date headers, label ids and arrival times of the messages of up to {@link
   * #MAX_BATCH} threads, in one batch request; each part's outcome goes to {@code callback}.
   */
  public void threadMetadata(List<String> threadIds, PartCallback callback) {
    if (threadIds.size() > MAX_BATCH) {
      throw new IllegalArgumentException("at most " + MAX_BATCH + " threads per batch");
    }
    call(
        "fetch thread details",
        () -> {
          BatchRequest batch = gmail.batch(initializer).setSleeper(sleeper);
          for (String id : threadIds) {
            gmail
                .users()
                .threads()
                .get("me", id)
                .setFormat("metadata")
                .setMetadataHeaders(METADATA_HEADERS)
                .setFields(METADATA_FIELDS)
                .queue(batch, partCallback(id, callback));
          }
          batch.execute();
          return null;
        });
  }

  /** The mailbox's labels (users.labels.list). */
  public List<Label> labels() {
    List<Label> labels =
        call("list labels", () -> gmail.users().labels().list("me").execute()).getLabels();
    return labels == null ? List.of() : labels;
  }

  /** The mailbox's address (users.getProfile). */
  public String emailAddress() {
    return call("read the Gmail profile", () -> gmail.users().getProfile("me").execute())
        .getEmailAddress();
  }

  /**
   * The mailbox's address and its current history id: where "now" is for {@code threads --new}
   * (users.getProfile, 1 quota unit).
   */
  public Profile profile() {
    return call("read the Gmail profile", () -> gmail.users().getProfile("me").execute());
  }

  /**
   * One page of the mailbox's history after {@code startHistoryId}, {@code messageAdded} records
   * only (users.history.list, 2 quota units); empty when Gmail no longer keeps history that old (it
   * answers 404: usually after about a week, sometimes after hours).
   */
  public Optional<ListHistoryResponse> history(BigInteger startHistoryId, String pageToken) {
    try {
      return Optional.of(
          call(
              "read the mailbox's history",
              () ->
                  gmail
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
  public ListMessagesResponse listMessages(MessagePage page) {
    return call(
        "search messages",
        () -> {
          Gmail.Users.Messages.List request =
              gmail.users().messages().list("me").setMaxResults((long) page.maxResults());
          if (page.query() != null && !page.query().isBlank()) {
            request.setQ(page.query());
          }
          if (!page.labelIds().isEmpty()) {
            request.setLabelIds(page.labelIds());
          }
          if (page.includeSpamTrash()) {
            request.setIncludeSpamTrash(true);
          }
          if (page.pageToken() != null && !page.pageToken().isBlank()) {
            request.setPageToken(page.pageToken());
          }
          return request.execute();
        });
  }

  /**
   * Like {@link #threadMetadata}, with each message's snippet as well: what {@code threads --new}
   * needs to judge and print the threads that history named (each part 10 quota units).
   */
  public void threadMessages(List<String> threadIds, PartCallback callback) {
    if (threadIds.size() > MAX_BATCH) {
      throw new IllegalArgumentException("at most " + MAX_BATCH + " threads per batch");
    }
    call(
        "fetch new threads",
        () -> {
          BatchRequest batch = gmail.batch(initializer).setSleeper(sleeper);
          for (String id : threadIds) {
            gmail
                .users()
                .threads()
                .get("me", id)
                .setFormat("metadata")
                .setMetadataHeaders(METADATA_HEADERS)
                .setFields(MESSAGES_FIELDS)
                .queue(batch, partCallback(id, callback));
          }
          batch.execute();
          return null;
        });
  }

  private <T> T call(String what, Retrier.IoCall<T> request) {
    try {
      return retrier.call(request);
    } catch (IOException e) {
      throw GmailErrors.toCliException(e, what);
    }
  }

  private static JsonBatchCallback<Thread> partCallback(String id, PartCallback callback) {
    return new JsonBatchCallback<>() {
      @Override
      public void onSuccess(Thread thread, HttpHeaders headers) {
        callback.onSuccess(id, thread);
      }

      @Override
      public void onFailure(GoogleJsonError error, HttpHeaders headers) {
        callback.onFailure(id, error, headers);
      }
    };
  }
}
