package dev.gmailcli.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.google.api.client.auth.oauth2.AuthorizationCodeFlow;
import com.google.api.client.auth.oauth2.AuthorizationCodeRequestUrl;
import com.google.api.client.auth.oauth2.BearerToken;
import com.google.api.client.auth.oauth2.ClientParametersAuthentication;
import com.google.api.client.auth.oauth2.Credential;
import com.google.api.client.auth.oauth2.RefreshTokenRequest;
import com.google.api.client.auth.oauth2.TokenResponse;
import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.googleapis.auth.oauth2.GoogleClientSecrets;
import com.google.api.client.googleapis.batch.BatchRequest;
import com.google.api.client.googleapis.batch.json.JsonBatchCallback;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.GmailScopes;
import com.google.api.services.gmail.model.ListThreadsResponse;
import com.google.api.services.gmail.model.Message;
import com.google.api.services.gmail.model.MessagePartHeader;
import com.google.api.services.gmail.model.Thread;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Proves {@link GoogleStandIn} is faithful, using Google's real client libraries against it. */
class GoogleStandInTest {

  private static final JsonFactory JSON = GsonFactory.getDefaultInstance();
  private static final List<String> HEADERS = List.of("Subject", "From", "Date");

  private final NetHttpTransport transport = new NetHttpTransport();
  private GoogleStandIn google;

  @BeforeEach
  void start() {
    google = GoogleStandIn.start();
  }

  @AfterEach
  void stop() {
    google.close();
  }

  private Gmail gmail(String token) {
    return gmail(req -> req.getHeaders().setAuthorization("Bearer " + token));
  }

  private Gmail gmail(HttpRequestInitializer init) {
    return new Gmail.Builder(transport, JSON, init)
        .setRootUrl(google.baseUrl())
        .setApplicationName("test")
        .build();
  }

  private Credential credential(String refreshToken) {
    return new Credential.Builder(BearerToken.authorizationHeaderAccessMethod())
        .setTransport(transport)
        .setJsonFactory(JSON)
        .setTokenServerUrl(new GenericUrl(google.tokenUri()))
        .setClientAuthentication(
            new ClientParametersAuthentication(
                GoogleStandIn.CLIENT_ID, GoogleStandIn.CLIENT_SECRET))
        .build()
        .setRefreshToken(refreshToken);
  }

  private Gmail readonly() {
    return gmail(google.seedAccessToken(GmailScopes.GMAIL_READONLY));
  }

  private static GoogleJsonError apiError(ThrowingCall call) {
    try {
      call.run();
    } catch (GoogleJsonResponseException e) {
      return e.getDetails();
    } catch (IOException e) {
      throw new AssertionError("expected GoogleJsonResponseException", e);
    }
    throw new AssertionError("expected GoogleJsonResponseException, call succeeded");
  }

  interface ThrowingCall {
    void run() throws IOException;
  }

  @Test
  void credentialsJsonLoadsAsInstalledClientSecrets() throws IOException {
    GoogleClientSecrets secrets =
        GoogleClientSecrets.load(JSON, new StringReader(google.credentialsJson()));
    assertThat(secrets.getInstalled().getClientId()).isEqualTo(GoogleStandIn.CLIENT_ID);
    assertThat(secrets.getInstalled().getClientSecret()).isEqualTo(GoogleStandIn.CLIENT_SECRET);
    assertThat(secrets.getInstalled().getAuthUri()).isEqualTo(google.authUri());
    assertThat(secrets.getInstalled().getTokenUri()).isEqualTo(google.tokenUri());
    assertThat(secrets.getInstalled().getRedirectUris()).containsExactly("http://localhost");
    assertThat(google.credentialsJson()).contains("\"project_id\": \"gmailcli-test\"");
  }

  @Nested
  class Threads {

    @Test
    void listPagesWithNextPageTokenAndCapsMaxResultsAt500() throws IOException {
      google.mailbox().generate(1200);
      Gmail gmail = readonly();
      List<String> ids = new ArrayList<>();
      String pageToken = null;
      List<Integer> pageSizes = new ArrayList<>();
      do {
        ListThreadsResponse page =
            gmail
                .users()
                .threads()
                .list("me")
                .setMaxResults(1000L)
                .setPageToken(pageToken)
                .execute();
        pageSizes.add(page.getThreads().size());
        page.getThreads().forEach(t -> ids.add(t.getId()));
        assertThat(page.getResultSizeEstimate()).isEqualTo(1104L);
        pageToken = page.getNextPageToken();
      } while (pageToken != null);
      // 1200 threads, 48 in SPAM and 48 in TRASH excluded by default
      assertThat(pageSizes).containsExactly(500, 500, 104);
      assertThat(new HashSet<>(ids)).hasSize(1104);
      assertThat(ids.get(0)).isEqualTo("t00001");
      assertThat(google.requests("threads.list").get(0).param("maxResults")).isEqualTo("1000");
    }

    @Test
    void listDefaultsTo100AndUsesGmailShape() throws IOException {
      google.mailbox().generate(150);
      ListThreadsResponse page = readonly().users().threads().list("me").execute();
      assertThat(page.getThreads()).hasSize(100);
      Thread first = page.getThreads().get(0);
      assertThat(first.getId()).isEqualTo("t00001");
      assertThat(first.getHistoryId()).isEqualTo(BigInteger.valueOf(9_999_997));
      assertThat(first.getSnippet()).isNotEmpty();
      assertThat(first.getMessages()).isNull();
      assertThat(page.getNextPageToken()).isNotNull();
    }

    @Test
    void emptyResultHasNoThreadsFieldAndNoToken() throws IOException {
      ListThreadsResponse page = readonly().users().threads().list("me").execute();
      assertThat(page.getThreads()).isNull();
      assertThat(page.getNextPageToken()).isNull();
      assertThat(page.getResultSizeEstimate()).isZero();
      assertThat(google.requests("threads.list").get(0).status()).isEqualTo(200);
    }

    @Test
    void filtersByLabelIdsQueryAndSpamTrash() throws IOException {
      google.mailbox().generate(100);
      Gmail gmail = readonly();
      List<Thread> unreadInbox =
          gmail
              .users()
              .threads()
              .list("me")
              .setLabelIds(List.of("INBOX", "UNREAD"))
              .setMaxResults(500L)
              .execute()
              .getThreads();
      assertThat(unreadInbox)
          .isNotEmpty()
          .allSatisfy(
              t ->
                  assertThat(google.mailbox().thread(t.getId()).orElseThrow().labelIds())
                      .contains("INBOX", "UNREAD"));
      assertThat(
              gmail
                  .users()
                  .threads()
                  .list("me")
                  .setQ("is:unread")
                  .execute()
                  .getResultSizeEstimate())
          .isEqualTo(unreadInbox.size());
      assertThat(ids(gmail.users().threads().list("me").setQ("subject 42").execute()))
          .containsExactly("t0002a");
      assertThat(ids(gmail.users().threads().list("me").setQ("\"it's the report\"").execute()))
          .isNotEmpty();
      assertThat(
              gmail
                  .users()
                  .threads()
                  .list("me")
                  .setQ("from:carol@example.net")
                  .execute()
                  .getThreads())
          .isNotEmpty();
      long spam = count(gmail.users().threads().list("me").setLabelIds(List.of("SPAM")));
      assertThat(spam).isEqualTo(4); // 7, 32, 57, 82
      long withSpamTrash = count(gmail.users().threads().list("me").setIncludeSpamTrash(true));
      long without = count(gmail.users().threads().list("me"));
      assertThat(withSpamTrash).isEqualTo(100);
      assertThat(without).isEqualTo(92);
      assertThat(count(gmail.users().threads().list("me").setQ("in:trash"))).isEqualTo(4);
    }

    @Test
    void unknownLabelAndBadPageTokenAre400() {
      Gmail gmail = readonly();
      GoogleJsonError label =
          apiError(
              () -> gmail.users().threads().list("me").setLabelIds(List.of("Label_404")).execute());
      assertThat(label.getCode()).isEqualTo(400);
      assertThat(label.getMessage()).isEqualTo("Invalid label: Label_404");
      assertThat(label.get("status")).isEqualTo("INVALID_ARGUMENT");
      GoogleJsonError token =
          apiError(() -> gmail.users().threads().list("me").setPageToken("not-a-token").execute());
      assertThat(token.getCode()).isEqualTo(400);
      assertThat(token.getMessage()).isEqualTo("Invalid pageToken");
    }

    @Test
    void userLabelsCanBeFilteredAndListed() throws IOException {
      google
          .mailbox()
          .addLabel("Label_12", "Receipts")
          .addThread(
              "r1",
              "Your receipt",
              77,
              List.of("Label_12"),
              List.of(
                  new StandInMailbox.Msg(
                      "Receipt",
                      "shop@example.com",
                      "Tue, 2 Jan 2024 10:00:00 +0000",
                      Instant.parse("2024-01-02T10:00:00Z"),
                      List.of("INBOX"))));
      Gmail gmail = readonly();
      assertThat(ids(gmail.users().threads().list("me").setLabelIds(List.of("Label_12")).execute()))
          .containsExactly("r1");
      var labels = gmail.users().labels().list("me").execute().getLabels();
      assertThat(labels)
          .extracting(l -> l.getId())
          .contains("INBOX", "SPAM", "TRASH", "UNREAD", "STARRED", "CATEGORY_SOCIAL", "Label_12");
      assertThat(labels.get(labels.size() - 1).getType()).isEqualTo("user");
      assertThat(labels.get(0).getType()).isEqualTo("system");
    }

    @Test
    void getMetadataReturnsOnlyRequestedHeaders() throws IOException {
      google.mailbox().generate(10);
      Thread t =
          readonly()
              .users()
              .threads()
              .get("me", "t00004")
              .setFormat("metadata")
              .setMetadataHeaders(HEADERS)
              .execute();
      assertThat(t.getId()).isEqualTo("t00004");
      assertThat(t.getMessages()).hasSize(2);
      Message last = t.getMessages().get(1);
      assertThat(last.getThreadId()).isEqualTo("t00004");
      assertThat(last.getLabelIds()).contains("INBOX");
      assertThat(last.getInternalDate())
          .isEqualTo(Instant.parse("2024-03-15T07:09:00Z").toEpochMilli());
      assertThat(last.getPayload().getHeaders())
          .extracting(MessagePartHeader::getName)
          .containsExactly("Date", "Subject", "From");
      assertThat(header(last, "Subject")).isEqualTo("Re: 件名 4: 日本語のテスト");
      assertThat(header(last, "Date")).isEqualTo("Fri, 15 Mar 2024 16:09:00 +0900");
      assertThat(last.getSnippet()).contains("こんにちは");
      assertThat(google.requests("threads.get").get(0).params("metadataHeaders"))
          .containsExactlyElementsOf(HEADERS);
    }

    @Test
    void getUnknownThreadIs404() {
      GoogleJsonError e =
          apiError(
              () -> readonly().users().threads().get("me", "nope").setFormat("metadata").execute());
      assertThat(e.getCode()).isEqualTo(404);
      assertThat(e.getMessage()).isEqualTo("Requested entity was not found.");
      assertThat(e.getErrors().get(0).getReason()).isEqualTo("notFound");
    }

    @Test
    void profileReportsConfiguredAddress() throws IOException {
      google.email("someone@example.org").mailbox().generate(3);
      var profile = readonly().users().getProfile("me").execute();
      assertThat(profile.getEmailAddress()).isEqualTo("someone@example.org");
      assertThat(profile.getThreadsTotal()).isEqualTo(3);
      assertThat(profile.getMessagesTotal()).isEqualTo(2 + 3 + 1);
      assertThat(profile.getHistoryId()).isEqualTo(BigInteger.valueOf(9_999_997));
    }

    @Test
    void tenThousandThreadsListQuickly() throws IOException {
      long start = System.nanoTime();
      google.mailbox().generate(10_000);
      Gmail gmail = readonly();
      int total = 0;
      String token = null;
      do {
        ListThreadsResponse page =
            gmail
                .users()
                .threads()
                .list("me")
                .setMaxResults(500L)
                .setPageToken(token)
                .setIncludeSpamTrash(true)
                .execute();
        total += page.getThreads().size();
        token = page.getNextPageToken();
      } while (token != null);
      assertThat(total).isEqualTo(10_000);
      assertThat(google.count("threads.list")).isEqualTo(20);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }
  }

  @Nested
  class Auth {

    @Test
    void badOrMissingTokenIs401WithInvalidTokenChallenge() throws IOException {
      GoogleJsonResponseException e =
          (GoogleJsonResponseException)
              catchIo(() -> gmail("ya29.not-a-real-token").users().threads().list("me").execute());
      assertThat(e.getStatusCode()).isEqualTo(401);
      assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("authError");
      assertThat(e.getDetails().get("status")).isEqualTo("UNAUTHENTICATED");
      assertThat(e.getHeaders().getAuthenticate())
          .isEqualTo("Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"");
      GoogleJsonError missing =
          apiError(() -> gmail(req -> {}).users().threads().list("me").execute());
      assertThat(missing.getCode()).isEqualTo(401);
      assertThat(missing.getErrors().get(0).getReason()).isEqualTo("required");
    }

    @Test
    void scopesAreEnforced() {
      GoogleJsonError e =
          apiError(
              () ->
                  gmail(google.seedAccessToken(GmailScopes.GMAIL_SEND))
                      .users()
                      .threads()
                      .list("me")
                      .execute());
      assertThat(e.getCode()).isEqualTo(403);
      assertThat(e.getMessage()).isEqualTo("Request had insufficient authentication scopes.");
      assertThat(e.getErrors().get(0).getReason()).isEqualTo("insufficientPermissions");
      assertThat(e.getDetails()).hasSize(1);
      Gmail metadata = gmail(google.seedAccessToken(GmailScopes.GMAIL_METADATA));
      GoogleJsonError q = apiError(() -> metadata.users().threads().list("me").setQ("x").execute());
      assertThat(q.getMessage()).isEqualTo("Metadata scope does not support 'q' parameter");
      assertThat(q.getErrors().get(0).getReason()).isEqualTo("forbidden");
      GoogleJsonError full =
          apiError(() -> metadata.users().threads().get("me", "t1").setFormat("full").execute());
      assertThat(full.getCode()).isEqualTo(403);
    }

    @Test
    void expiredAndRevokedAccessTokensAre401() throws IOException {
      String token = google.seedAccessToken(GmailScopes.GMAIL_READONLY);
      gmail(token).users().labels().list("me").execute();
      google.advanceClock(Duration.ofHours(1));
      assertThat(apiError(() -> gmail(token).users().labels().list("me").execute()).getCode())
          .isEqualTo(401);
      String other = google.seedAccessToken(GmailScopes.GMAIL_READONLY);
      assertThat(google.revoke(other)).isTrue();
      assertThat(apiError(() -> gmail(other).users().labels().list("me").execute()).getCode())
          .isEqualTo(401);
    }

    @Test
    void accessTokenLifetimeAndExpireAccessTokens() throws IOException {
      google.accessTokenLifetime(Duration.ofSeconds(120));
      TokenResponse t =
          new RefreshTokenRequest(
                  transport,
                  JSON,
                  new GenericUrl(google.tokenUri()),
                  google.seedRefreshToken(GmailScopes.GMAIL_READONLY))
              .setClientAuthentication(
                  new ClientParametersAuthentication(
                      GoogleStandIn.CLIENT_ID, GoogleStandIn.CLIENT_SECRET))
              .execute();
      assertThat(t.getExpiresInSeconds()).isEqualTo(120L);
      assertThat(gmail(t.getAccessToken()).users().getProfile("me").execute().getEmailAddress())
          .isEqualTo("tester@example.com");
      google.expireAccessTokens();
      assertThat(
              apiError(() -> gmail(t.getAccessToken()).users().getProfile("me").execute())
                  .getCode())
          .isEqualTo(401);
    }

    @Test
    void credentialRefreshesReactivelyOn401() throws IOException {
      google.mailbox().generate(3);
      Credential credential =
          credential(google.seedRefreshToken(GmailScopes.GMAIL_READONLY))
              .setAccessToken("ya29.stale-token");
      assertThat(gmail(credential).users().threads().list("me").execute().getThreads()).hasSize(3);
      assertThat(google.requests())
          .extracting(RecordedRequest::kind, RecordedRequest::status)
          .containsExactly(
              tuple("threads.list", 401), tuple("token.refresh", 200), tuple("threads.list", 200));
    }
  }

  @Nested
  class Batch {

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
      assertThat(header(ok.get("t00004").getMessages().get(0), "Subject"))
          .isEqualTo("件名 4: 日本語のテスト");
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
      assertThat(failed.get("t00002").getErrors().get(0).getReason())
          .isEqualTo("rateLimitExceeded");
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
      Credential credential =
          credential(google.seedRefreshToken(GmailScopes.GMAIL_READONLY))
              .setAccessToken("ya29.stale-token");
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

  @Nested
  class OAuth {

    private HttpServer listener;
    private final Map<String, String> callback = new ConcurrentHashMap<>();
    private String redirectUri;

    @BeforeEach
    void startListener() throws IOException {
      listener = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      listener.createContext(
          "/",
          ex -> {
            String q = ex.getRequestURI().getRawQuery();
            StandInHttp.parseQuery(q).forEach((k, v) -> callback.put(k, v.get(0)));
            byte[] body = "You may close this window.".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
          });
      listener.start();
      redirectUri = "http://127.0.0.1:" + listener.getAddress().getPort() + "/Callback";
    }

    @AfterEach
    void stopListener() {
      listener.stop(0);
    }

    private AuthorizationCodeFlow flow(String... scopes) {
      return new AuthorizationCodeFlow.Builder(
              BearerToken.authorizationHeaderAccessMethod(),
              transport,
              JSON,
              new GenericUrl(google.tokenUri()),
              new ClientParametersAuthentication(
                  GoogleStandIn.CLIENT_ID, GoogleStandIn.CLIENT_SECRET),
              GoogleStandIn.CLIENT_ID,
              google.authUri())
          .setScopes(List.of(scopes))
          .enablePKCE()
          .build();
    }

    /** Plays the browser: follows the consent redirect to the loopback listener. */
    private int consent(AuthorizationCodeFlow flow, boolean offline) throws Exception {
      AuthorizationCodeRequestUrl url =
          flow.newAuthorizationUrl().setRedirectUri(redirectUri).setState("xyz-state");
      if (offline) {
        url.set("access_type", "offline").set("prompt", "consent");
      }
      HttpClient browser =
          HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
      return browser
          .send(
              java.net.http.HttpRequest.newBuilder(URI.create(url.build())).build(),
              BodyHandlers.ofString())
          .statusCode();
    }

    @Test
    void pkceCodeExchangeIssuesWorkingTokens() throws Exception {
      google.mailbox().generate(5);
      AuthorizationCodeFlow flow = flow(GmailScopes.GMAIL_READONLY);
      assertThat(consent(flow, true)).isEqualTo(200);
      assertThat(callback)
          .containsEntry("state", "xyz-state")
          .containsEntry("scope", GmailScopes.GMAIL_READONLY)
          .containsKey("code");
      RecordedRequest auth = google.requests("auth").get(0);
      assertThat(auth.param("code_challenge_method")).isEqualTo("S256");
      assertThat(auth.param("access_type")).isEqualTo("offline");
      TokenResponse tokens =
          flow.newTokenRequest(callback.get("code")).setRedirectUri(redirectUri).execute();
      assertThat(tokens.getRefreshToken()).startsWith("1//");
      assertThat(tokens.getExpiresInSeconds()).isEqualTo(3599L);
      assertThat(tokens.getScope()).isEqualTo(GmailScopes.GMAIL_READONLY);
      assertThat(tokens.getTokenType()).isEqualTo("Bearer");
      assertThat(google.requests("token.code").get(0).formParam("code_verifier")).isNotBlank();
      assertThat(gmail(tokens.getAccessToken()).users().threads().list("me").execute().getThreads())
          .hasSize(5);
      // codes are single-use
      TokenResponseException reuse =
          (TokenResponseException)
              catchIo(
                  () ->
                      flow.newTokenRequest(callback.get("code"))
                          .setRedirectUri(redirectUri)
                          .execute());
      assertThat(reuse.getDetails().getError()).isEqualTo("invalid_grant");
    }

    @Test
    void wrongVerifierAndWithoutOfflineAccess() throws Exception {
      AuthorizationCodeFlow flow = flow(GmailScopes.GMAIL_READONLY);
      consent(flow, false);
      TokenResponseException e =
          (TokenResponseException)
              catchIo(
                  () ->
                      flow(GmailScopes.GMAIL_READONLY)
                          .newTokenRequest(callback.get("code"))
                          .setRedirectUri(redirectUri)
                          .execute()); // another flow: another verifier
      assertThat(e.getStatusCode()).isEqualTo(400);
      assertThat(e.getDetails().getError()).isEqualTo("invalid_grant");
      consent(flow, false);
      TokenResponse online =
          flow.newTokenRequest(callback.get("code")).setRedirectUri(redirectUri).execute();
      assertThat(online.getAccessToken()).isNotBlank();
      assertThat(online.getRefreshToken()).isNull();
    }

    @Test
    void declinedConsentRedirectsWithAccessDenied() throws Exception {
      google.declineConsent();
      consent(flow(GmailScopes.GMAIL_READONLY), true);
      assertThat(callback)
          .containsEntry("error", "access_denied")
          .containsEntry("state", "xyz-state")
          .doesNotContainKey("code");
    }

    @Test
    void partialGrantAndOmittedRefreshToken() throws Exception {
      google.grantOnly(GmailScopes.GMAIL_METADATA).omitRefreshToken();
      AuthorizationCodeFlow flow = flow(GmailScopes.GMAIL_READONLY, GmailScopes.GMAIL_METADATA);
      consent(flow, true);
      assertThat(callback).containsEntry("scope", GmailScopes.GMAIL_METADATA);
      TokenResponse tokens =
          flow.newTokenRequest(callback.get("code")).setRedirectUri(redirectUri).execute();
      assertThat(tokens.getScope()).isEqualTo(GmailScopes.GMAIL_METADATA);
      assertThat(tokens.getRefreshToken()).isNull();
    }

    @Test
    void malformedAuthRequestIs400WithoutRedirect() throws Exception {
      HttpClient browser = HttpClient.newHttpClient();
      var response =
          browser.send(
              java.net.http.HttpRequest.newBuilder(
                      URI.create(
                          google.authUri()
                              + "?client_id="
                              + GoogleStandIn.CLIENT_ID
                              + "&response_type=code&scope=x&redirect_uri="
                              + redirectUri))
                  .build(),
              BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.body()).contains("code_challenge");
      assertThat(callback).isEmpty();
    }

    @Test
    void refreshRotationRevocationAndBadClient() throws IOException {
      String refresh = google.seedRefreshToken(GmailScopes.GMAIL_READONLY);
      ClientParametersAuthentication client =
          new ClientParametersAuthentication(GoogleStandIn.CLIENT_ID, GoogleStandIn.CLIENT_SECRET);
      TokenResponse first =
          new RefreshTokenRequest(transport, JSON, new GenericUrl(google.tokenUri()), refresh)
              .setClientAuthentication(client)
              .execute();
      assertThat(first.getRefreshToken()).isNull();
      assertThat(first.getScope()).isEqualTo(GmailScopes.GMAIL_READONLY);
      assertThat(gmail(first.getAccessToken()).users().labels().list("me").execute().getLabels())
          .isNotEmpty();

      google.rotateRefreshTokens();
      TokenResponse rotated =
          new RefreshTokenRequest(transport, JSON, new GenericUrl(google.tokenUri()), refresh)
              .setClientAuthentication(client)
              .execute();
      assertThat(rotated.getRefreshToken()).isNotNull().isNotEqualTo(refresh);

      TokenResponseException old =
          (TokenResponseException)
              catchIo(
                  () ->
                      new RefreshTokenRequest(
                              transport, JSON, new GenericUrl(google.tokenUri()), refresh)
                          .setClientAuthentication(client)
                          .execute());
      assertThat(old.getDetails().getError()).isEqualTo("invalid_grant");

      // revoke over HTTP, as the CLI's logout would
      int status =
          transport
              .createRequestFactory()
              .buildPostRequest(
                  new GenericUrl(google.revokeUri()),
                  new com.google.api.client.http.UrlEncodedContent(
                      Map.of("token", rotated.getRefreshToken())))
              .execute()
              .getStatusCode();
      assertThat(status).isEqualTo(200);
      TokenResponseException revoked =
          (TokenResponseException)
              catchIo(
                  () ->
                      new RefreshTokenRequest(
                              transport,
                              JSON,
                              new GenericUrl(google.tokenUri()),
                              rotated.getRefreshToken())
                          .setClientAuthentication(client)
                          .execute());
      assertThat(revoked.getStatusCode()).isEqualTo(400);
      assertThat(revoked.getDetails().getError()).isEqualTo("invalid_grant");
      assertThat(revoked.getDetails().getErrorDescription())
          .isEqualTo("Token has been expired or revoked.");
      assertThat(
              apiError(() -> gmail(rotated.getAccessToken()).users().labels().list("me").execute())
                  .getCode())
          .isEqualTo(401);
      assertThat(google.revoke(rotated.getRefreshToken())).isFalse();

      TokenResponseException badClient =
          (TokenResponseException)
              catchIo(
                  () ->
                      new RefreshTokenRequest(
                              transport,
                              JSON,
                              new GenericUrl(google.tokenUri()),
                              google.seedRefreshToken(GmailScopes.GMAIL_READONLY))
                          .setClientAuthentication(
                              new ClientParametersAuthentication(
                                  GoogleStandIn.CLIENT_ID, "wrong-secret"))
                          .execute());
      assertThat(badClient.getStatusCode()).isEqualTo(401);
      // JDK quirk, same against real Google: HttpURLConnection in fixed-length streaming mode
      // (how NetHttpTransport POSTs) drops the body of a 401, so there are no details to parse.
      assertThat(badClient.getDetails()).isNull();
      assertThat(google.count("token.refresh")).isEqualTo(5);
      assertThat(google.count("revoke")).isEqualTo(1);
    }

    @Test
    void basicClientAuthScopeNarrowingAndRevokingUnknownTokens() throws IOException {
      String refresh =
          google.seedRefreshToken(GmailScopes.GMAIL_READONLY, GmailScopes.GMAIL_METADATA);
      TokenResponse narrowed =
          new RefreshTokenRequest(transport, JSON, new GenericUrl(google.tokenUri()), refresh)
              .setClientAuthentication(
                  new com.google.api.client.http.BasicAuthentication(
                      GoogleStandIn.CLIENT_ID, GoogleStandIn.CLIENT_SECRET))
              .setScopes(List.of(GmailScopes.GMAIL_METADATA))
              .execute();
      assertThat(narrowed.getScope()).isEqualTo(GmailScopes.GMAIL_METADATA);
      assertThat(google.requests("token.refresh").get(0).formParam("client_id")).isNull();
      TokenResponseException widened =
          (TokenResponseException)
              catchIo(
                  () ->
                      new RefreshTokenRequest(
                              transport, JSON, new GenericUrl(google.tokenUri()), refresh)
                          .setClientAuthentication(
                              new ClientParametersAuthentication(
                                  GoogleStandIn.CLIENT_ID, GoogleStandIn.CLIENT_SECRET))
                          .setScopes(List.of(GmailScopes.GMAIL_MODIFY))
                          .execute());
      assertThat(widened.getDetails().getError()).isEqualTo("invalid_scope");
      HttpResponseException unknown =
          (HttpResponseException)
              catchIo(
                  () ->
                      transport
                          .createRequestFactory()
                          .buildPostRequest(
                              new GenericUrl(google.revokeUri()),
                              new com.google.api.client.http.UrlEncodedContent(
                                  Map.of("token", "1//unknown")))
                          .execute());
      assertThat(unknown.getStatusCode()).isEqualTo(400);
      assertThat(unknown.getContent()).contains("\"error\": \"invalid_token\"");
    }

    @Test
    void badClientBodyIsInvalidClientJson() throws Exception {
      var response =
          HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(URI.create(google.tokenUri()))
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .POST(
                          java.net.http.HttpRequest.BodyPublishers.ofString(
                              "grant_type=refresh_token&refresh_token=x&client_id="
                                  + GoogleStandIn.CLIENT_ID
                                  + "&client_secret=nope"))
                      .build(),
                  BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/json; charset=UTF-8");
      assertThat(
              JSON.fromString(
                      response.body(), com.google.api.client.auth.oauth2.TokenErrorResponse.class)
                  .getError())
          .isEqualTo("invalid_client");
    }

    @Test
    void unmatchedRequestsAreRecorded() throws Exception {
      var response =
          HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          URI.create(google.baseUrl() + "gmail/v1/users/me/messages"))
                      .build(),
                  BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(google.unmatched())
          .singleElement()
          .satisfies(r -> assertThat(r.path()).isEqualTo("/gmail/v1/users/me/messages"));
    }
  }

  private static Exception catchIo(ThrowingCall call) {
    try {
      call.run();
    } catch (IOException e) {
      return e;
    }
    throw new AssertionError("expected an IOException");
  }

  private static List<String> ids(ListThreadsResponse r) {
    return r.getThreads() == null ? List.of() : r.getThreads().stream().map(Thread::getId).toList();
  }

  private static long count(Gmail.Users.Threads.List list) throws IOException {
    return list.setMaxResults(500L).execute().getResultSizeEstimate();
  }

  private static String header(Message m, String name) {
    return m.getPayload().getHeaders().stream()
        .filter(h -> h.getName().equals(name))
        .map(MessagePartHeader::getValue)
        .findFirst()
        .orElse(null);
  }
}
