package dev.gmailcli.auth;

import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Role: the {@link GmailAuthorization} of a saved user login — the current token, refreshed through
 * the {@link CredentialStore} before it lapses or after a 401, attached to each request.
 */
public final class SavedLogin implements GmailAuthorization {
  private final CredentialStore store;
  private final HttpRequestInitializer settings;
  private final SavedLoginCredentials credentials;
  private final HttpCredentialsAdapter adapter;
  private StoredToken current;

  SavedLogin(CredentialStore store, HttpRequestInitializer settings, StoredToken token) {
    this.store = store;
    this.settings = settings;
    this.current = token;
    this.credentials = new SavedLoginCredentials(token.token(), this::refreshNow);
    this.adapter = new HttpCredentialsAdapter(credentials);
  }

  @Override
  public String account() {
    return current.account() == null ? "" : current.account();
  }

  /** The token as last loaded or refreshed. */
  public synchronized StoredToken token() {
    return current;
  }

  @Override
  public HttpRequestInitializer requestInitializer() {
    return this::initialize;
  }

  private void initialize(HttpRequest request) throws IOException {
    settings.initialize(request);
    // long listings outlive an access token: refresh by gmailcli's clock before it lapses
    if (store.isDue(token())) {
      credentials.refresh();
    }
    authorize(request, new boolean[] {false});
  }

  // HttpCredentialsAdapter sets itself as the 401 handler, but it logs and swallows refresh
  // failures and would refresh again on every 401; this handler lets failures surface
  // (invalid_grant → exit 3) and refreshes at most once per request.
  private void authorize(HttpRequest request, boolean[] retried) throws IOException {
    String sentWith = token().token();
    adapter.initialize(request);
    request.setUnsuccessfulResponseHandler(
        (req, response, supportsRetry) -> {
          if (response.getStatusCode() != 401 || retried[0] || !supportsRetry) {
            return false;
          }
          retried[0] = true;
          refreshUnlessDoneSince(sentWith);
          authorize(req, retried);
          return true;
        });
  }

  // The 50 parts of a batch all fail with 401 together: the first refreshes, the rest reuse it.
  private synchronized void refreshUnlessDoneSince(String sentWith) throws IOException {
    if (Objects.equals(current.token(), sentWith)) {
      credentials.refresh();
    }
  }

  private synchronized StoredToken refreshNow() {
    current = store.refreshAndSave(current);
    return current;
  }

  /**
   * google-auth credentials backed by token.json. Every refresh, whether gmailcli asks for it or
   * the library does after a 401, goes through {@link CredentialStore#refreshAndSave}, so a rotated
   * refresh token is kept and the file is saved before the new token is used; a failed save is an
   * error, not a log line. The expiry is kept out of the library (it would judge it with its own
   * clock); {@link SavedLogin} decides when a refresh is due.
   */
  private static final class SavedLoginCredentials extends GoogleCredentials {
    private static final long serialVersionUID = 1L;
    private final transient Supplier<StoredToken> refresh;

    SavedLoginCredentials(String accessToken, Supplier<StoredToken> refresh) {
      super(GoogleCredentials.newBuilder().setAccessToken(new AccessToken(accessToken, null)));
      this.refresh = refresh;
    }

    @Override
    public AccessToken refreshAccessToken() throws IOException {
      return new AccessToken(refresh.get().token(), null);
    }

    @Override
    public String toString() {
      return "SavedLoginCredentials[<redacted>]";
    }

    @Override
    public boolean equals(Object other) {
      return this == other;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }
}
