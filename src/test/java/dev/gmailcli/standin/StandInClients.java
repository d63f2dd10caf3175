package dev.gmailcli.standin;

import com.google.api.client.auth.oauth2.BearerToken;
import com.google.api.client.auth.oauth2.ClientParametersAuthentication;
import com.google.api.client.auth.oauth2.Credential;
import com.google.api.client.auth.oauth2.RefreshTokenRequest;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.UrlEncodedContent;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.GmailScopes;
import com.google.api.services.gmail.model.ListThreadsResponse;
import com.google.api.services.gmail.model.Message;
import com.google.api.services.gmail.model.MessagePartHeader;
import com.google.api.services.gmail.model.Thread;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Map;

/**
 * Base of the stand-in's own tests: Google's real Java clients (Gmail, OAuth, plain HTTP) pointed
 * at the test's {@link GoogleStandIn}, and small helpers to catch their failures.
 */
abstract class StandInClients {
  static final JsonFactory JSON = GsonFactory.getDefaultInstance();
  static final List<String> HEADERS = List.of("Subject", "From", "Date");
  static final ClientParametersAuthentication CLIENT =
      new ClientParametersAuthentication(GoogleStandIn.CLIENT_ID, GoogleStandIn.CLIENT_SECRET);

  final NetHttpTransport transport = new NetHttpTransport();

  /** The test's stand-in (filled in by {@link dev.gmailcli.harness.WithGoogleStandIn}). */
  GoogleStandIn google;

  /** A Gmail client sending {@code Bearer token}. */
  Gmail gmail(String token) {
    return gmail(req -> req.getHeaders().setAuthorization("Bearer " + token));
  }

  Gmail gmail(HttpRequestInitializer init) {
    return new Gmail.Builder(transport, JSON, init)
        .setRootUrl(google.baseUrl())
        .setApplicationName("test")
        .build();
  }

  /** A Gmail client with a fresh gmail.readonly access token. */
  Gmail readonly() {
    return gmail(google.seedAccessToken(GmailScopes.GMAIL_READONLY));
  }

  /** google-oauth-client's credential, refreshing at the stand-in's token endpoint. */
  Credential credential(String refreshToken) {
    return new Credential.Builder(BearerToken.authorizationHeaderAccessMethod())
        .setTransport(transport)
        .setJsonFactory(JSON)
        .setTokenServerUrl(new GenericUrl(google.tokenUri()))
        .setClientAuthentication(CLIENT)
        .build()
        .setRefreshToken(refreshToken);
  }

  /** A credential whose access token the stand-in never issued, with a valid refresh token. */
  Credential staleCredential() {
    return credential(google.seedRefreshToken(GmailScopes.GMAIL_READONLY))
        .setAccessToken("ya29.stale-token");
  }

  /** A refresh request for {@code refreshToken}, authenticated as the stand-in's client. */
  RefreshTokenRequest refresh(String refreshToken) {
    return new RefreshTokenRequest(transport, JSON, new GenericUrl(google.tokenUri()), refreshToken)
        .setClientAuthentication(CLIENT);
  }

  /** POST /revoke with {@code token} in the body, as gmailcli's logout sends it. */
  // clashes with java.net.http.HttpResponse, imported for the other calls
  com.google.api.client.http.HttpResponse revoke(String token) throws IOException {
    return transport
        .createRequestFactory()
        .buildPostRequest(
            new GenericUrl(google.revokeUri()), new UrlEncodedContent(Map.of("token", token)))
        .execute();
  }

  /** A request by the JDK's client, e.g. one no Google library would send. */
  static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HttpClient.newHttpClient().send(request.build(), BodyHandlers.ofString());
  }

  static HttpRequest.Builder get(String url) {
    return HttpRequest.newBuilder(URI.create(url));
  }

  /** A call that may fail with an IOException. */
  interface ThrowingCall {
    void run() throws IOException;
  }

  /** The parsed error of a call that must fail with a {@link GoogleJsonResponseException}. */
  static GoogleJsonError apiError(ThrowingCall call) {
    Exception e = catchIo(call);
    if (e instanceof GoogleJsonResponseException json) {
      return json.getDetails();
    }
    throw new AssertionError("expected GoogleJsonResponseException", e);
  }

  /** The IOException a call must fail with. */
  static Exception catchIo(ThrowingCall call) {
    try {
      call.run();
    } catch (IOException e) {
      return e;
    }
    throw new AssertionError("expected an IOException");
  }

  static List<String> ids(ListThreadsResponse r) {
    return r.getThreads() == null ? List.of() : r.getThreads().stream().map(Thread::getId).toList();
  }

  /** resultSizeEstimate of a listing. */
  static long count(Gmail.Users.Threads.List list) throws IOException {
    return list.setMaxResults(500L).execute().getResultSizeEstimate();
  }

  static String header(Message m, String name) {
    return m.getPayload().getHeaders().stream()
        .filter(h -> h.getName().equals(name))
        .map(MessagePartHeader::getValue)
        .findFirst()
        .orElse(null);
  }
}
