package dev.gmailcli;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where gmailcli keeps its files, resolved from options and environment variables.
 *
 * @param home the gmailcli directory ({@code GMAILCLI_HOME})
 * @param credentials the OAuth client file
 * @param token the saved login
 * @param defaultHome {@code home} is the default location (not set by GMAILCLI_HOME), so it belongs
 *     to gmailcli alone and gmailcli may tighten its mode
 * @param state gmailcli's state directory ({@code $XDG_STATE_HOME/gmailcli}, else {@code
 *     ~/.local/state/gmailcli}): what gmailcli remembers between runs that is not configuration,
 *     such as the cursors of {@code threads --new}. It belongs to gmailcli alone.
 */
public record Locations(Path home, Path credentials, Path token, boolean defaultHome, Path state) {

  /**
   * Resolves paths: an option wins over its environment variable, which wins over the default in
   * {@code GMAILCLI_HOME} ({@code $XDG_CONFIG_HOME/gmailcli}, else {@code ~/.config/gmailcli}).
   */
  public static Locations resolve(
      Map<String, String> env, Path userHome, Path credentialsOption, Path tokenOption) {
    Path home;
    boolean defaultHome = !isSet(env.get("GMAILCLI_HOME"));
    if (!defaultHome) {
      home = Path.of(env.get("GMAILCLI_HOME"));
    } else if (isSet(env.get("XDG_CONFIG_HOME"))
        && Path.of(env.get("XDG_CONFIG_HOME")).isAbsolute()) {
      home = Path.of(env.get("XDG_CONFIG_HOME")).resolve("gmailcli");
    } else {
      home = userHome.resolve(".config").resolve("gmailcli");
    }
    Path credentials =
        pick(credentialsOption, env.get("GMAILCLI_CREDENTIALS"), home.resolve("credentials.json"));
    Path token = pick(tokenOption, env.get("GMAILCLI_TOKEN"), home.resolve("token.json"));
    return new Locations(
        home.toAbsolutePath(),
        credentials.toAbsolutePath(),
        token.toAbsolutePath(),
        defaultHome,
        stateHome(env, userHome).toAbsolutePath());
  }

  /**
   * Where the cursors of {@code threads --new} live: {@code STATE/cursors} for the default login.
   * The one place that decides it, so that another login (a profile) only changes this directory.
   */
  public Path cursors() {
    return state.resolve("cursors");
  }

  // Resolved like the config home, as the XDG spec says: a relative XDG_STATE_HOME is ignored.
  private static Path stateHome(Map<String, String> env, Path userHome) {
    String xdg = env.get("XDG_STATE_HOME");
    if (isSet(xdg) && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg).resolve("gmailcli");
    }
    return userHome.resolve(".local").resolve("state").resolve("gmailcli");
  }

  private static Path pick(Path option, String variable, Path fallback) {
    if (option != null) {
      return option;
    }
    return isSet(variable) ? Path.of(variable) : fallback;
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }
}
