package dev.gmailcli.output;

import java.time.Instant;
import java.util.List;

/**
 * One line of {@code gmailcli status --all}: a profile's saved login, or the default one.
 *
 * @param name the profile's name, or null for the default login
 * @param account the Gmail address ("" when unknown)
 * @param scopes granted scopes (empty when not recorded)
 * @param expiry when the access token expires, or null
 * @param accessTokenValid an access token is present and not yet expired
 * @param refreshTokenPresent a refresh token is present
 * @param check with --check: null when it works now, else why not; without --check: null
 * @param checked whether --check was asked for
 * @param exitCode with --check, the exit code of the failure (0 when it works)
 */
public record ProfileStatus(
    String name,
    String account,
    List<String> scopes,
    Instant expiry,
    boolean accessTokenValid,
    boolean refreshTokenPresent,
    String check,
    boolean checked,
    int exitCode) {}
