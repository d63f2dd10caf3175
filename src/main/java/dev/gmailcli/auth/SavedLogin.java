package dev.gmailcli.auth;

import com.google.api.client.http.HttpRequestInitializer;
import java.util.Objects;

/**
 * Role: the {@link GmailAuthorization} of a saved user login — the current token, refreshed through
 * the {@link CredentialStore} before it lapses or after a 401, attached to each request. Every
 * refresh goes through {@link CredentialStore#refreshAndSave}, so a rotated refresh token is kept
 * and the file is saved before the new token is used; a failed save is an error, not a log line.
 */
public final class SavedLogin implements GmailAuthorization {
  private final CredentialStore store;
  private final HttpRequestInitializer settings;
  private StoredToken current;

  SavedLogin(CredentialStore store, HttpRequestInitializer settings, StoredToken token) {
    this.store = store;
    this.settings = settings;
    this.current = token;
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
    return new BearerRequests(settings, this);
  }

  // long listings outlive an access token: refresh by gmailcli's clock before it lapses
  @Override
  public synchronized String accessToken() {
    if (store.isDue(current)) {
      current = store.refreshAndSave(current);
    }
    return current.token();
  }

  // The 50 parts of a batch all fail with 401 together: the first refreshes, the rest reuse it.
  @Override
  public synchronized String renewedAfter(String refused) {
    if (Objects.equals(current.token(), refused)) {
      current = store.refreshAndSave(current);
    }
    return current.token();
  }
}
