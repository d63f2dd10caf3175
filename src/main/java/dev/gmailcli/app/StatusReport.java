package dev.gmailcli.app;

import dev.gmailcli.auth.CredentialStore;
import dev.gmailcli.auth.StoredToken;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * What {@code gmailcli status} shows about the saved login. Holds no secret, only whether the
 * tokens are there.
 *
 * @param account the Gmail address ("" when unknown)
 * @param tokenFile where the login is saved
 * @param clientId the OAuth client id
 * @param scopes granted scopes (empty when the file does not say)
 * @param expiry when the access token expires, or null
 * @param accessTokenValid an access token is present and not yet expired
 * @param refreshTokenPresent a refresh token is present
 * @param now the time the report was made
 */
public record StatusReport(
    String account,
    Path tokenFile,
    String clientId,
    List<String> scopes,
    Instant expiry,
    boolean accessTokenValid,
    boolean refreshTokenPresent,
    Instant now) {

  /** Reads the saved login; exit 3 when there is none. Makes no network call. */
  public static StatusReport of(Services services) {
    CredentialStore store = services.credentialStore();
    StoredToken token = store.find().orElseThrow(() -> CredentialStore.notLoggedIn(store.file()));
    Clock clock = services.env().clock();
    Instant now = clock.instant();
    boolean valid =
        token.token() != null
            && !token.token().isEmpty()
            && token.expiry() != null
            && token.expiry().isAfter(now);
    return new StatusReport(
        token.account() == null ? "" : token.account(),
        store.file().path(),
        token.clientId(),
        token.scopes() == null ? List.of() : token.scopes(),
        token.expiry(),
        valid,
        token.refreshToken() != null && !token.refreshToken().isEmpty(),
        now);
  }
}
