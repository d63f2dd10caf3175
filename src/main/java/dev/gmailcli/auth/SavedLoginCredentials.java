package dev.gmailcli.auth;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * google-auth credentials backed by token.json. Every refresh, whether gmailcli asks for it or the
 * library does after a 401, goes through {@link CredentialStore#refreshAndSave}, so a rotated
 * refresh token is kept and the file is saved before the new token is used; a failed save is an
 * error, not a log line. The expiry is kept out of the library (it would judge it with its own
 * clock); {@link SavedLogin} decides when a refresh is due.
 */
final class SavedLoginCredentials extends GoogleCredentials {
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
