package dev.gmailcli.auth;

import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.auth.http.HttpCredentialsAdapter;
import java.io.IOException;
import java.util.Objects;

/**
 * A saved user login in use: the current token, credentials that refresh through the {@link
 * CredentialStore}, and the request initializer that ties them to each Gmail request.
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
    String sentWith = token().token();
    adapter.initialize(request);
    // HttpCredentialsAdapter set itself as the 401 handler, but it logs and swallows refresh
    // failures; this handler lets them surface (invalid_grant → exit 3) and retries only once.
    boolean[] retried = {false};
    request.setUnsuccessfulResponseHandler(
        (req, response, supportsRetry) -> {
          if (response.getStatusCode() != 401 || retried[0] || !supportsRetry) {
            return false;
          }
          retried[0] = true;
          refreshUnlessDoneSince(sentWith);
          adapter.initialize(req);
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
}
