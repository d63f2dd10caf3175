package dev.gmailcli.auth;

import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.http.HttpTransport;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import dev.gmailcli.GmailCliException;
import dev.gmailcli.http.Retrier;
import dev.gmailcli.http.TimeoutsAndTracing;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * Role: the {@link GmailAuthorization} of a Google Workspace service account acting for one user
 * (domain-wide delegation): google-auth's {@link ServiceAccountCredentials}, scoped and delegated
 * to the subject, trading a signed JWT for access tokens at gmailcli's configured token endpoint.
 * No browser, no listener, no token.json: the key file is the credential.
 */
public final class ServiceAccountLogin implements GmailAuthorization {
  private final ServiceAccountKey key;
  private final String subject;
  private final List<String> scopes;
  private final GoogleCredentials credentials;
  private final TimeoutsAndTracing settings;
  private final URI tokenUri;
  private final Retrier retrier;
  private final Clock clock;

  private ServiceAccountLogin(
      ServiceAccountKey key,
      String subject,
      List<String> scopes,
      GoogleCredentials credentials,
      TimeoutsAndTracing settings,
      URI tokenUri,
      Retrier retrier,
      Clock clock) {
    this.key = key;
    this.subject = subject;
    this.scopes = scopes;
    this.credentials = credentials;
    this.settings = settings;
    this.tokenUri = tokenUri;
    this.retrier = retrier;
    this.clock = clock;
  }

  /**
   * Credentials for {@code subject}'s mailbox with {@code scopes}; no request is made yet.
   *
   * @param tokenUri the configured token endpoint (never the key file's {@code token_uri})
   * @throws GmailCliException exit 4 when the key's private key cannot be read
   */
  public static ServiceAccountLogin open(
      ServiceAccountKey key,
      String subject,
      List<String> scopes,
      URI tokenUri,
      HttpTransport transport,
      TimeoutsAndTracing settings,
      Retrier retrier,
      Clock clock) {
    ServiceAccountCredentials.Builder builder =
        ServiceAccountCredentials.newBuilder()
            .setClientEmail(key.clientEmail())
            .setClientId(key.clientId())
            .setPrivateKeyId(key.privateKeyId())
            .setTokenServerUri(tokenUri)
            .setHttpTransportFactory(() -> transport)
            // gmailcli's Retrier decides what is worth another attempt
            .setDefaultRetriesEnabled(false);
    try {
      builder.setPrivateKeyString(key.privateKeyPem());
    } catch (IOException | RuntimeException e) {
      throw GmailCliException.config(
          key.file() + " has a \"private_key\" that is not a PKCS#8 RSA private key",
          "download the key again (Google Cloud console > IAM & Admin > Service accounts > Keys)",
          null);
    }
    GoogleCredentials delegated = builder.build().createScoped(scopes).createDelegated(subject);
    return new ServiceAccountLogin(
        key, subject, scopes, delegated, settings, tokenUri, retrier, clock);
  }

  /** The mailbox this service account acts for. */
  @Override
  public String account() {
    return subject;
  }

  public ServiceAccountKey key() {
    return key;
  }

  public List<String> scopes() {
    return scopes;
  }

  @Override
  public HttpRequestInitializer requestInitializer() {
    return new BearerRequests(settings, this);
  }

  @Override
  public String accessToken() {
    return bearer(false);
  }

  // The parts of a batch that all get 401 share one renewal.
  @Override
  public synchronized String renewedAfter(String refused) {
    AccessToken current = credentials.getAccessToken();
    if (current != null && !current.getTokenValue().equals(refused)) {
      return current.getTokenValue();
    }
    return bearer(true);
  }

  private synchronized String bearer(boolean force) {
    if (!force && !due(credentials.getAccessToken())) {
      return credentials.getAccessToken().getTokenValue();
    }
    try {
      retrier.call(() -> settings.traced("POST", tokenUri, this::refresh));
    } catch (IOException e) {
      throw ServiceAccountErrors.toCliException(e, key, subject, scopes, clock.instant());
    }
    return credentials.getAccessToken().getTokenValue();
  }

  // google-auth's own margin, judged by gmailcli's clock as for saved logins
  private boolean due(AccessToken token) {
    return token == null
        || token.getExpirationTime() == null
        || !clock
            .instant()
            .plus(CredentialStore.REFRESH_MARGIN)
            .isBefore(token.getExpirationTime().toInstant());
  }

  private Void refresh() throws IOException {
    try {
      credentials.refresh();
      return null;
    } catch (IOException e) {
      // google-auth wraps Google's answer; judge (and retry) by the answer itself
      throw e.getCause() instanceof HttpResponseException http ? http : e;
    }
  }
}
