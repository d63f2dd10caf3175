package dev.gmailcli.auth;

import com.google.api.client.http.HttpRequestInitializer;
import dev.gmailcli.GmailCliException;
import dev.gmailcli.platform.CrossProcessLock;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Role: the keeper of the saved login (token.json): load it, refresh the access token when it is
 * missing or about to expire, save the result at once, and hand out a {@link SavedLogin}. A token
 * that is still valid is used as it is, with no request to Google. Refreshing happens under the
 * token's cross-process lock, after reading the file again, so overlapping runs refresh once; a
 * fresh token that cannot be saved is used all the same, with one warning.
 */
public final class CredentialStore {
  /** google-auth's margin: an access token this close to expiry is refreshed first. */
  public static final Duration REFRESH_MARGIN = Duration.ofSeconds(225);

  private final TokenFile file;
  private final TokenRefresher refresher;
  private final HttpRequestInitializer settings;
  private final Clock clock;
  private final Consumer<String> warnings;
  private boolean modeChecked;
  private boolean unsavedWarned;

  /**
   * @param warnings problems that do not stop the command (an unsaved token, a loose mode)
   */
  public CredentialStore(
      TokenFile file,
      TokenRefresher refresher,
      HttpRequestInitializer settings,
      Clock clock,
      Consumer<String> warnings) {
    this.file = file;
    this.refresher = refresher;
    this.settings = settings;
    this.clock = clock;
    this.warnings = warnings;
  }

  public TokenFile file() {
    return file;
  }

  /** The saved login, if there is one; warns once when others may read the file. */
  public Optional<StoredToken> find() {
    Optional<StoredToken> token = file.read();
    if (token.isPresent() && !modeChecked) {
      modeChecked = true;
      file.looseMode()
          .ifPresent(
              mode ->
                  warnings.accept(
                      file.realPath()
                          + " can be read or written by others (mode "
                          + mode
                          + "), and whoever can read it can use your Gmail login; run `chmod 600 "
                          + file.realPath()
                          + "`"));
    }
    return token;
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

  /**
   * A fresh access token in place of {@code stale}'s, saved before it is returned where the file
   * can be written. Under the lock the file is read again: when another run refreshed it meanwhile,
   * its token is used and Google is not asked again.
   */
  public StoredToken refreshAndSave(StoredToken stale) {
    try (CrossProcessLock lock = file.lock()) {
      StoredToken latest = latest(stale);
      if (!Objects.equals(latest.token(), stale.token()) && !isDue(latest)) {
        return latest;
      }
      StoredToken fresh = refresher.refresh(latest);
      if (!file.readOnly()) {
        saveOrWarn(fresh);
      }
      return fresh;
    }
  }

  /** Saves a login (after {@code gmailcli login}); failing to save is an error (exit 4). */
  public void save(StoredToken token) {
    try (CrossProcessLock lock = file.lock()) {
      file.write(token);
    }
  }

  /** Deletes the saved login; true if there was one. */
  public boolean delete() {
    try (CrossProcessLock lock = file.lock()) {
      return file.delete();
    }
  }

  /** The error for "there is no token.json". */
  public static GmailCliException notLoggedIn(TokenFile file) {
    return GmailCliException.loginRequired(
        "not logged in — run `gmailcli login` (no saved login at " + file.path() + ")",
        "run `gmailcli login` at a terminal, or point --token / GMAILCLI_TOKEN at a saved login",
        null);
  }

  // The file as it is now, when it still holds a login that can be refreshed.
  private StoredToken latest(StoredToken stale) {
    try {
      return file.read().filter(token -> token.refreshToken() != null).orElse(stale);
    } catch (GmailCliException unreadable) {
      return stale;
    }
  }

  private void saveOrWarn(StoredToken fresh) {
    try {
      file.write(fresh);
    } catch (GmailCliException e) {
      if (!unsavedWarned) {
        unsavedWarned = true;
        warnings.accept(
            e.getMessage()
                    .replaceFirst("^cannot save the login", "could not save the refreshed login")
                + "; gmailcli works with the fresh access token, but every run will refresh it"
                + " again until the file can be saved. Make "
                + file.realPath()
                + " and its directory writable by you, or, if it is read-only on purpose (a mounted"
                + " secret), set GMAILCLI_TOKEN_READONLY=1 to skip saving and this warning");
      }
    }
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
