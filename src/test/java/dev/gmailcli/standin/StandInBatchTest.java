package dev.gmailcli.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.google.api.client.auth.oauth2.Credential;
import com.google.api.client.googleapis.batch.BatchRequest;
import com.google.api.client.googleapis.batch.json.JsonBatchCallback;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpResponseException;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.Thread;
import dev.gmailcli.harness.WithGoogleStandIn;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Gmail's multipart batch endpoint, and injected failures: proves {@link GoogleStandIn} is
 * faithful, with Google's real client libraries.
 */
@WithGoogleStandIn
class StandInBatchTest extends StandInClients {

  private final Map<String, Thread> ok = new ConcurrentHashMap<>();
  private final Map<String, GoogleJsonError> failed = new ConcurrentHashMap<>();

  private void queueGet(BatchRequest batch, Gmail gmail, String id) throws IOException {
    gmail
        .users()
        .threads()
        .get("me", id)
        .setFormat("metadata")
        .setMetadataHeaders(HEADERS)
        .queue(
            batch,
            new JsonBatchCallback<Thread>() {
              @Override
              public void onSuccess(Thread t, HttpHeaders headers) {
                ok.put(id, t);
              }

              @Override
              public void onFailure(GoogleJsonError e, HttpHeaders headers) {
                failed.put(id, e);
              }
            });
  }

  @Test
  void fiftyThreadGetsInOneBatchAllParse() throws IOException {
    google.mailbox().generate(50);
    Gmail gmail = readonly();
    BatchRequest batch = gmail.batch();
    List<String> ids = google.mailbox().threads().stream().map(t -> t.id()).toList();
    for (String id : ids) {
      queueGet(batch, gmail, id);
    }
    batch.execute();
    assertThat(failed).isEmpty();
    assertThat(ok).hasSize(50);
    for (String id : ids) {
      Thread t = ok.get(id);
      assertThat(t.getId()).isEqualTo(id);
      assertThat(t.getMessages())
          .isNotEmpty()
          .allSatisfy(m -> assertThat(m.getPayload().getHeaders()).hasSize(3));
    }
    assertThat(header(ok.get("t00004").getMessages().get(0), "Subject")).isEqualTo("件名 4: 日本語のテスト");
    assertThat(header(ok.get("t00006").getMessages().get(0), "Subject"))
        .isEqualTo("Subject 6\tQ&A <draft> x=1");
    assertThat(google.count("batch")).isEqualTo(1);
    assertThat(google.count("threads.get")).isEqualTo(50);
    assertThat(google.requests("threads.get"))
        .allSatisfy(
            r -> {
              assertThat(r.inBatch()).isTrue();
              assertThat(r.header("authorization")).startsWith("Bearer ya29.fake-access-");
              assertThat(r.params("metadataHeaders")).containsExactlyElementsOf(HEADERS);
            });
    RecordedRequest outer = google.requests("batch").get(0);
    assertThat(outer.path()).isEqualTo("/batch");
    assertThat(outer.header("content-type")).startsWith("multipart/mixed; boundary=");
    // google-http-client writes custom part headers in lower case
    assertThat(outer.body())
        .contains(
            "Content-Type: application/http",
            "content-transfer-encoding: binary",
            "content-id: 1\r\n",
            "content-id: 50\r\n",
            "GET " + google.baseUrl() + "gmail/v1/users/me/threads/t00001?format=metadata");
    assertThat(google.unmatched()).isEmpty();
  }

  @Test
  void notFoundAndInjected429ReachOnFailure() throws IOException {
    google.mailbox().generate(3);
    google.failThreadInBatch("t00002", 1, 429, GoogleErrors.rateLimitExceeded());
    Gmail gmail = readonly();
    BatchRequest batch = gmail.batch();
    for (String id : List.of("t00001", "t00002", "missing", "t00003")) {
      queueGet(batch, gmail, id);
    }
    batch.execute();
    assertThat(ok).containsOnlyKeys("t00001", "t00003");
    assertThat(failed).containsOnlyKeys("t00002", "missing");
    assertThat(failed.get("t00002").getCode()).isEqualTo(429);
    assertThat(failed.get("t00002").getErrors().get(0).getReason()).isEqualTo("rateLimitExceeded");
    assertThat(failed.get("missing").getCode()).isEqualTo(404);
    assertThat(failed.get("missing").getErrors().get(0).getReason()).isEqualTo("notFound");
    // the fault was used up: a second batch succeeds
    ok.clear();
    queueGet(batch, gmail, "t00002");
    batch.execute();
    assertThat(ok).containsOnlyKeys("t00002");
  }

  @Test
  void badTokenInsideBatchFailsEachPartWith401() throws IOException {
    google.mailbox().generate(2);
    Gmail gmail = gmail("ya29.bogus");
    BatchRequest batch = gmail.batch();
    queueGet(batch, gmail, "t00001");
    queueGet(batch, gmail, "t00002");
    batch.execute();
    assertThat(failed).hasSize(2).allSatisfy((id, e) -> assertThat(e.getCode()).isEqualTo(401));
  }

  @Test
  void credentialRefreshesOn401InsideBatchAndRetriesTheParts() throws IOException {
    google.mailbox().generate(2);
    Credential credential = staleCredential();
    Gmail gmail = gmail(credential);
    BatchRequest batch = gmail.batch();
    queueGet(batch, gmail, "t00001");
    queueGet(batch, gmail, "t00002");
    batch.execute();
    assertThat(failed).isEmpty();
    assertThat(ok).containsOnlyKeys("t00001", "t00002");
    assertThat(google.requests())
        .extracting(RecordedRequest::kind, RecordedRequest::status)
        .containsExactly(
            // the batch completes before the client parses it; one refresh serves both parts
            tuple("threads.get", 401),
            tuple("threads.get", 401),
            tuple("batch", 200),
            tuple("token.refresh", 200),
            tuple("threads.get", 200),
            tuple("threads.get", 200),
            tuple("batch", 200));
  }

  @Test
  void perServiceBatchPathWorksToo() throws IOException {
    google.mailbox().generate(2);
    Gmail gmail = readonly();
    BatchRequest batch =
        gmail.batch().setBatchUrl(new GenericUrl(google.baseUrl() + "batch/gmail/v1"));
    queueGet(batch, gmail, "t00001");
    batch.execute();
    assertThat(ok).containsOnlyKeys("t00001");
    assertThat(google.requests("batch").get(0).path()).isEqualTo("/batch/gmail/v1");
  }

  @Test
  void moreThan100PartsIsRejected() throws IOException {
    google.mailbox().generate(1);
    Gmail gmail = readonly();
    BatchRequest batch = gmail.batch();
    for (int i = 0; i < 101; i++) {
      queueGet(batch, gmail, "t00001");
    }
    assertThatThrownBy(batch::execute)
        .isInstanceOf(HttpResponseException.class)
        .satisfies(e -> assertThat(((HttpResponseException) e).getStatusCode()).isEqualTo(400));
    assertThat(google.count("threads.get")).isZero();
  }

  @Test
  void failNextAppliesToTopLevelRequests() throws IOException {
    google.failNext(
        "/gmail/v1/users/me/threads",
        2,
        503,
        GoogleErrors.serviceUnavailable(),
        Map.of("Retry-After", "0"));
    Gmail gmail = readonly();
    GoogleJsonResponseException e =
        (GoogleJsonResponseException) catchIo(() -> gmail.users().threads().list("me").execute());
    assertThat(e.getStatusCode()).isEqualTo(503);
    assertThat(e.getHeaders().getRetryAfter()).isEqualTo("0");
    assertThat(apiError(() -> gmail.users().threads().list("me").execute()).getCode())
        .isEqualTo(503);
    assertThat(gmail.users().threads().list("me").execute().getResultSizeEstimate()).isZero();
    assertThat(google.requests("threads.list"))
        .extracting(RecordedRequest::status)
        .containsExactly(503, 503, 200);
  }
}
