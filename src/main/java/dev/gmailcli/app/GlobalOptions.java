package dev.gmailcli.app;

import java.nio.file.Path;
import java.util.Map;

/**
 * The options every command takes, after their environment variables were applied (an option wins
 * over its variable).
 *
 * @param credentials --credentials, or null for the default
 * @param token --token, or null for the default
 * @param verbose --verbose: diagnostics on stderr
 * @param noInput --no-input or GMAILCLI_NO_INPUT=1: never wait for a person
 * @param tokenReadOnly --token-readonly or GMAILCLI_TOKEN_READONLY=1: never lock or save the token
 */
public record GlobalOptions(
    Path credentials, Path token, boolean verbose, boolean noInput, boolean tokenReadOnly) {

  /** Applies the environment to what the command line said. */
  public static GlobalOptions of(
      Map<String, String> env,
      Path credentials,
      Path token,
      boolean verbose,
      boolean noInput,
      boolean tokenReadOnly) {
    return new GlobalOptions(
        credentials,
        token,
        verbose,
        noInput || isTrue(env.get("GMAILCLI_NO_INPUT")),
        tokenReadOnly || isTrue(env.get("GMAILCLI_TOKEN_READONLY")));
  }

  private static boolean isTrue(String value) {
    return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
  }
}
