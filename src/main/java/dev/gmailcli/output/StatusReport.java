package dev.gmailcli.output;

import dev.gmailcli.state.CursorListing;
import java.nio.file.Path;
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
 * @param loginTime when the refresh token was obtained, or null when not recorded
 * @param now the time the report was made
 * @param cursorDirectory where the cursors of {@code threads --new} are kept
 * @param cursors the cursors there
 */
public record StatusReport(
    String account,
    Path tokenFile,
    String clientId,
    List<String> scopes,
    Instant expiry,
    boolean accessTokenValid,
    boolean refreshTokenPresent,
    Instant loginTime,
    Instant now,
    Path cursorDirectory,
    List<CursorListing> cursors)
    implements LoginReport {

  public StatusReport {
    cursors = cursors == null ? List.of() : List.copyOf(cursors);
  }
}
