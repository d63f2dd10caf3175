package dev.gmailcli.auth;

import com.google.api.client.http.HttpRequestInitializer;
import dev.gmailcli.GmailCliException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Role: the keeper of the saved login (token.json): load it, refresh the access token when it is
 * missing or about to expire, save the result at once, and hand out a {@link SavedLogin}. A token
 * that is still valid is used as it is, with no request to Google.
 */
public final class CredentialStore {
  /** google-auth's margin: an access token this close to expiry is refreshed first. */
  public static final Duration REFRESH_MARGIN = Duration.ofSeconds(225);

  private final TokenFile file;
  private final TokenRefresher refresher;
  private final HttpRequestInitializer settings;
  private final Clock clock;

  public CredentialStore(
      TokenFile file, TokenRefresher refresher, HttpRequestInitializer settings, Clock clock) {
    this.file = file;
    this.refresher = refresher;
    this.settings = settings;
    this.clock = clock;
  }

  public TokenFile file() {
    return file;
  }

  /** The saved login, if there is one. */
  public Optional<StoredToken> find() {
    return file.read();
  }

  /**
   * Opens a saved login (from {@link #find()}) for use, refreshing and saving first when due.
   *
   * @param requiredAnyOf the token must hold one of these scopes (checked when the file lists its
   *     scopes)
   * @throws GmailCliException exit 3 with the wrong scopes or no way to refresh, exit 4 for a file
   *     lacking the client
   */
  public SavedLogin open(StoredToken token, List<String> requiredAnyOf) {
    checkUsable(token);
    if (token.lacksAll(requiredAnyOf)) {
      throw GmailCliException.loginRequired(
          "the saved login does not allow reading Gmail: it lacks the scope "
              + requiredAnyOf.get(0)
              + " (it has: "
              + String.join(" ", token.scopes())
              + ")",
          "run `gmailcli login --scope " + requiredAnyOf.get(0) + "`",
          null);
    }
    if (isDue(token)) {
      token = refreshAndSave(token);
    }
    return new SavedLogin(this, settings, token);
  }

  /** Uses a token just obtained (by login) without loading or refreshing anything. */
  public SavedLogin authorize(StoredToken token) {
    return new SavedLogin(this, settings, token);
  }

  /** True when the access token is missing, has no expiry, or expires within the margin. */
  public boolean isDue(StoredToken token) {
    return token.token() == null
        || token.token().isEmpty()
        || token.expiry() == null
        || !clock.instant().plus(REFRESH_MARGIN).isBefore(token.expiry());
  }

  /** Refreshes the access token and saves token.json before returning it. */
  public StoredToken refreshAndSave(StoredToken token) {
    StoredToken refreshed = refresher.refresh(token);
    file.write(refreshed);
    return refreshed;
  }

  /** Saves a login (after {@code gmailcli login}). */
  public void save(StoredToken token) {
    file.write(token);
  }

  /** The error for "there is no token.json". */
  public static GmailCliException notLoggedIn(TokenFile file) {
    return GmailCliException.loginRequired(
        "not logged in — run `gmailcli login` (no saved login at " + file.path() + ")",
        "run `gmailcli login` at a terminal, or point --token / GMAILCLI_TOKEN at a saved login",
        null);
  }

  private void checkUsable(StoredToken token) {
    String missing =
        token.clientId() == null
            ? "client_id"
            : token.clientSecret() == null ? "client_secret" : null;
    if (missing != null) {
      throw GmailCliException.config(
          "cannot use " + file.path() + ": it has no \"" + missing + "\"",
          "delete it and run `gmailcli login` to create a complete one",
          null);
    }
    if ((token.refreshToken() == null || token.refreshToken().isEmpty()) && isDue(token)) {
      throw GmailCliException.loginRequired(
          "the saved login in " + file.path() + " has expired and holds no refresh token",
          "run `gmailcli login`",
          null);
    }
  }
}
