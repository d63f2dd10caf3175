package dev.gmailcli.standin;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A fake Google on 127.0.0.1 for tests: stands in for accounts.google.com ({@code /o/oauth2/auth}),
 * oauth2.googleapis.com ({@code /token}, {@code /revoke}) and gmail.googleapis.com ({@code
 * /gmail/v1/users/{userId}/profile|threads|threads/{id}|labels|messages|history}, {@code /batch},
 * {@code /batch/gmail/v1}). Built on the JDK's HttpServer only; every credential and address it
 * hands out is fake.
 *
 * <pre>{@code
 * try (GoogleStandIn google = GoogleStandIn.start()) {
 *   google.mailbox().generate(250);
 *   String token = google.seedAccessToken(GmailScopes.GMAIL_READONLY);
 *   // point the code under test at google.baseUrl(), google.credentialsJson() ...
 *   assertThat(google.count("threads.list")).isEqualTo(1);
 *   assertThat(google.unmatched()).isEmpty();
 * }
 * }</pre>
 */
public final class GoogleStandIn implements AutoCloseable {

  /** OAuth client id accepted by the stand-in (fake). */
  public static final String CLIENT_ID = "000000000000-fakeclientid.apps.googleusercontent.com";

  /** OAuth client secret accepted by the stand-in (fake). */
  public static final String CLIENT_SECRET = "fake-client-secret";

  /** project_id written into {@link #credentialsJson()}. */
  public static final String PROJECT_ID = "gmailcli-test";

  private final HttpServer server;
  private final ExecutorService executor;
  private final String baseUrl;
  private final StandInTokens tokens = new StandInTokens();
  private final StandInMailbox mailbox = new StandInMailbox();
  private final StandInFaults faults = new StandInFaults();
  private final StandInQuota quota = new StandInQuota();
  private final StandInRouter router;
  private final StandInServiceAccounts serviceAccounts = new StandInServiceAccounts();
  private final GmailEndpoints gmail;
  private volatile String mailboxOverride;
  private final AtomicBoolean closed = new AtomicBoolean();

  private GoogleStandIn(SSLContext tls) throws IOException {
    gmail = new GmailEndpoints(tokens, mailbox, () -> mailboxOverride);
    router =
        new StandInRouter(
            new OAuthEndpoints(tokens, serviceAccounts, this::tokenUri), gmail, faults, quota);
    AtomicInteger threadNo = new AtomicInteger();
    executor =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "google-stand-in-" + threadNo.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    InetSocketAddress address = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0);
    if (tls == null) {
      server = HttpServer.create(address, 50);
    } else {
      HttpsServer https = HttpsServer.create(address, 50);
      https.setHttpsConfigurator(new HttpsConfigurator(tls));
      server = https;
    }
    server.setExecutor(executor);
    server.createContext("/", router::serve);
    server.start();
    baseUrl =
        (tls == null ? "http" : "https") + "://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** Starts a stand-in on 127.0.0.1 on a free port. */
  public static GoogleStandIn start() {
    return start(null);
  }

  /**
   * Starts a stand-in on 127.0.0.1 on a free port that speaks HTTPS with {@code tls}'s key (plain
   * HTTP when null), as Google does; clients must trust its certificate.
   */
  public static GoogleStandIn start(SSLContext tls) {
    try {
      return new GoogleStandIn(tls);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code http(s)://127.0.0.1:PORT/}: the Gmail root URL (for {@code Gmail.Builder#setRootUrl}).
   */
  public String baseUrl() {
    return baseUrl;
  }

  /** Authorization endpoint, {@code baseUrl() + "o/oauth2/auth"}. */
  public String authUri() {
    return baseUrl + "o/oauth2/auth";
  }

  /** Token endpoint, {@code baseUrl() + "token"}. */
  public String tokenUri() {
    return baseUrl + "token";
  }

  /** Revocation endpoint, {@code baseUrl() + "revoke"}. */
  public String revokeUri() {
    return baseUrl + "revoke";
  }

  /** A credentials.json ("installed" application) whose endpoints point at this stand-in. */
  public String credentialsJson() {
    JsonObject installed = new JsonObject();
    installed.addProperty("client_id", CLIENT_ID);
    installed.addProperty("project_id", PROJECT_ID);
    installed.addProperty("auth_uri", authUri());
    installed.addProperty("token_uri", tokenUri());
    installed.addProperty("auth_provider_x509_cert_url", baseUrl + "oauth2/v1/certs");
    installed.addProperty("client_secret", CLIENT_SECRET);
    JsonArray redirects = new JsonArray();
    redirects.add("http://localhost");
    installed.add("redirect_uris", redirects);
    JsonObject root = new JsonObject();
    root.add("installed", installed);
    return StandInJson.pretty(root);
  }

  /** Sets the account address ({@code users.getProfile}; default {@code tester@example.com}). */
  public GoogleStandIn email(String address) {
    tokens.account = address;
    return this;
  }

  /**
   * Gmail answers for {@code address}'s mailbox whatever token is used (a delegation Google
   * ignored); null restores the token's own mailbox.
   */
  public GoogleStandIn answerForMailbox(String address) {
    this.mailboxOverride = address;
    return this;
  }

  /** The account whose mailbox a request's bearer token opens, or null. */
  public String accountOf(RecordedRequest request) {
    String header = request.header("authorization");
    return header == null || !header.startsWith("Bearer ")
        ? null
        : tokens.accountOf(header.substring(7).trim());
  }

  /**
   * Registers a service account: the public half of its key checks the JWTs it signs for the token
   * endpoint's {@code urn:ietf:params:oauth:grant-type:jwt-bearer} grant.
   */
  public GoogleStandIn serviceAccount(String clientEmail, String clientId, PublicKey key) {
    serviceAccounts.register(clientEmail, clientId, key);
    return this;
  }

  /**
   * A Workspace administrator grants {@code clientId} domain-wide delegation for {@code scopes}
   * (without it, its JWT grants are refused with {@code unauthorized_client}).
   */
  public GoogleStandIn allowDelegation(String clientId, String... scopes) {
    serviceAccounts.allow(clientId, List.of(scopes));
    return this;
  }

  /** The claims of the JWTs received by the token endpoint, oldest first. */
  public List<Map<String, Object>> assertions() {
    return serviceAccounts.received();
  }

  /** The user clicks "Cancel": {@code /o/oauth2/auth} redirects with error=access_denied. */
  public GoogleStandIn declineConsent() {
    tokens.declineConsent = true;
    return this;
  }

  /**
   * Google refuses the login itself: {@code /o/oauth2/auth} redirects with this {@code error} and
   * {@code error_description} (e.g. {@code admin_policy_enforced} for a Workspace that blocks the
   * app).
   */
  public GoogleStandIn refuseConsent(String error, String description) {
    tokens.consentError = List.of(error, description);
    return this;
  }

  /** The user unticks scopes: consent grants only the requested scopes among {@code scopes}. */
  public GoogleStandIn grantOnly(String... scopes) {
    tokens.grantOnly = List.of(scopes);
    return this;
  }

  /** Code exchange returns no refresh_token even for access_type=offline&prompt=consent. */
  public GoogleStandIn omitRefreshToken() {
    tokens.omitRefreshToken = true;
    return this;
  }

  /** Each refresh returns a new refresh_token; the one used stops working. */
  public GoogleStandIn rotateRefreshTokens() {
    tokens.rotateRefreshTokens = true;
    return this;
  }

  /** expires_in of new access tokens (default 3599 s); tokens die at that time. */
  public GoogleStandIn accessTokenLifetime(Duration lifetime) {
    tokens.accessTokenLifetime = lifetime;
    return this;
  }

  /** Every answer of the token endpoint ({@code /token}) comes this much later. */
  public GoogleStandIn delayTokenResponses(Duration delay) {
    tokens.tokenDelay = delay;
    return this;
  }

  /** Moves the stand-in's clock forward (access tokens expire as time passes). */
  public GoogleStandIn advanceClock(Duration by) {
    tokens.advanceClock(by);
    return this;
  }

  /** Makes every access token issued so far expired (refresh tokens stay valid). */
  public void expireAccessTokens() {
    tokens.expireAccessTokens();
  }

  /** A valid refresh token for {@code scopes}, as if the user had consented earlier. */
  public String seedRefreshToken(String... scopes) {
    return tokens.newRefreshToken(List.of(scopes));
  }

  /** A valid access token for {@code scopes}, not tied to any refresh token. */
  public String seedAccessToken(String... scopes) {
    return tokens.newAccessToken(List.of(scopes), null);
  }

  /**
   * Revokes a refresh or access token and its whole grant (like {@code POST /revoke}); returns
   * false when it was unknown or already revoked.
   */
  public boolean revoke(String token) {
    return tokens.revoke(token);
  }

  /** Every answer of {@code users.history.list} comes this much later. */
  public GoogleStandIn delayHistoryResponses(Duration delay) {
    gmail.history().delayHistory(delay);
    return this;
  }

  /** The mailbox served by the Gmail endpoints. */
  public StandInMailbox mailbox() {
    return mailbox;
  }

  /**
   * The next {@code times} requests (top-level or batch parts) whose path starts with {@code
   * pathPrefix} (e.g. {@code "/gmail/v1/users/me/threads"}, {@code "/token"}, {@code "/batch"}) get
   * this response instead, before any auth check. They are still recorded under their kind.
   * Content-Type defaults to JSON when the body starts with '{'; {@code headers} (nullable) add or
   * override headers, e.g. {@code Map.of("Retry-After", "1")}.
   */
  public void failNext(
      String pathPrefix, int times, int status, String jsonBody, Map<String, String> headers) {
    faults.failNext(pathPrefix, times, status, jsonBody, headers);
  }

  /** {@link #failNext(String, int, int, String, Map)} without extra headers. */
  public void failNext(String pathPrefix, int times, int status, String jsonBody) {
    faults.failNext(pathPrefix, times, status, jsonBody, Map.of());
  }

  /** Inside a batch only: the next {@code times} threads.get parts for {@code threadId} fail. */
  public void failThreadInBatch(String threadId, int times, int status, String jsonBody) {
    faults.failThreadInBatch(threadId, times, status, jsonBody);
  }

  /** Forgets the failures injected with {@link #failNext} and {@link #failThreadInBatch}. */
  public void clearFaults() {
    faults.clear();
  }

  /**
   * Enforces a per-user quota from now on: Gmail calls (batch parts included) cost units from
   * Gmail's quota table (threads.list and threads.get 10, messages.list 5, history.list 2,
   * labels.list and getProfile 1), and a call that would take the units accepted within any sliding
   * {@code window} above {@code units} is refused with 429 rateLimitExceeded, "User-rate limit
   * exceeded. Retry after &lt;time&gt;". Gmail's own limit is 15,000 units a minute; e.g. {@code
   * quota(2_500, Duration.ofSeconds(10))} is its average rate with a 10 s window.
   */
  public GoogleStandIn quota(int units, Duration window) {
    quota.limit(units, window);
    return this;
  }

  /** The clock the quota's window slides with (default: the system's), e.g. a simulated one. */
  public GoogleStandIn quotaClock(Clock clock) {
    quota.clock(clock);
    return this;
  }

  /** What a call of {@code kind} (as in {@link #count(String)}) costs, instead of Gmail's table. */
  public GoogleStandIn quotaCost(String kind, int units) {
    quota.cost(kind, units);
    return this;
  }

  /** Calls (batch parts included) refused so far because the quota was used up. */
  public long quotaRefused() {
    return quota.refused();
  }

  /** Units of the calls the quota let through so far. */
  public long quotaUnits() {
    return quota.unitsAccepted();
  }

  /** Every request so far in completion order (batch parts before their batch). */
  public List<RecordedRequest> requests() {
    return router.recorded();
  }

  /** Requests of one kind (see {@link #count(String)}). */
  public List<RecordedRequest> requests(String kind) {
    return router.recorded().stream().filter(r -> r.kind().equals(kind)).toList();
  }

  /**
   * Number of requests of a kind: {@code auth}, {@code token.code}, {@code token.refresh}, {@code
   * token} (other/missing grant_type), {@code revoke}, {@code profile}, {@code threads.list},
   * {@code threads.get}, {@code labels.list}, {@code messages.list}, {@code history.list}, {@code
   * batch}, {@code unmatched}. Batch parts count under their own kind and the batch once under
   * {@code batch}.
   */
  public long count(String kind) {
    return requests(kind).size();
  }

  /** Requests that matched no endpoint (answered 404). */
  public List<RecordedRequest> unmatched() {
    return requests("unmatched");
  }

  /** Forgets recorded requests (tokens, mailbox and faults are kept). */
  public void clearRequests() {
    router.clear();
  }

  /** Stops the server; recorded requests stay readable. Closing again does nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(0);
      executor.shutdownNow();
    }
  }
}
