package dev.gmailcli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where gmailcli keeps its files, resolved from options and environment variables.
 *
 * @param home the gmailcli directory ({@code GMAILCLI_HOME})
 * @param credentials the OAuth client file
 * @param token the saved login
 * @param ownTokenDirectory the token's directory when it belongs to gmailcli alone (the default
 *     home, or a profile's directory), so that gmailcli may take group and others' access away;
 *     null for a directory the user chose
 * @param profile the profile's name, or null for the default login
 * @param state gmailcli's state directory ({@code $XDG_STATE_HOME/gmailcli}, else {@code
 *     ~/.local/state/gmailcli}): what gmailcli remembers between runs that is not configuration,
 *     such as the cursors of {@code threads --new}. It belongs to gmailcli alone.
 */
public record Locations(
    Path home, Path credentials, Path token, Path ownTokenDirectory, String profile, Path state) {

  private static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /**
   * Resolves paths: an option wins over its environment variable, which wins over the default in
   * {@code GMAILCLI_HOME} ({@code $XDG_CONFIG_HOME/gmailcli}, else {@code ~/.config/gmailcli}). A
   * profile's login is {@code GMAILCLI_HOME/profiles/NAME/token.json}; its OAuth client is {@code
   * profiles/NAME/credentials.json} when there is one, else the shared one.
   *
   * @param profile a profile name (already checked with {@link #checkProfileName}), or null
   * @throws GmailCliException exit 2 when a profile and a token file are both named
   */
  public static Locations resolve(
      Map<String, String> env,
      Path userHome,
      Path credentialsOption,
      Path tokenOption,
      String profile) {
    boolean defaultHome = !isSet(env.get("GMAILCLI_HOME"));
    Path home;
    if (!defaultHome) {
      home = Path.of(env.get("GMAILCLI_HOME"));
    } else if (isSet(env.get("XDG_CONFIG_HOME"))
        && Path.of(env.get("XDG_CONFIG_HOME")).isAbsolute()) {
      home = Path.of(env.get("XDG_CONFIG_HOME")).resolve("gmailcli");
    } else {
      home = userHome.resolve(".config").resolve("gmailcli");
    }
    home = home.toAbsolutePath();
    if (profile != null) {
      if (tokenOption != null || isSet(env.get("GMAILCLI_TOKEN"))) {
        throw GmailCliException.usage(
            "--profile and "
                + (tokenOption != null ? "--token" : "GMAILCLI_TOKEN")
                + " cannot be used together: the login of profile "
                + profile
                + " lives in "
                + profileDirectory(home, profile).resolve("token.json"),
            "leave out one of them");
      }
      Path dir = profileDirectory(home, profile);
      Path ownClient = dir.resolve("credentials.json");
      Path credentials =
          pick(
              credentialsOption,
              env.get("GMAILCLI_CREDENTIALS"),
              Files.exists(ownClient) ? ownClient : home.resolve("credentials.json"));
      return new Locations(
          home,
          credentials.toAbsolutePath(),
          dir.resolve("token.json"),
          dir,
          profile,
          stateHome(env, userHome));
    }
    Path credentials =
        pick(credentialsOption, env.get("GMAILCLI_CREDENTIALS"), home.resolve("credentials.json"));
    Path token = pick(tokenOption, env.get("GMAILCLI_TOKEN"), home.resolve("token.json"));
    return new Locations(
        home,
        credentials.toAbsolutePath(),
        token.toAbsolutePath(),
        defaultHome ? home : null,
        null,
        stateHome(env, userHome));
  }

  /**
   * Where the cursors of {@code threads --new} live: {@code STATE/cursors} for the default login,
   * {@code STATE/profiles/NAME/cursors} for a profile's. The one place that decides it.
   */
  public Path cursors() {
    return profile == null
        ? state.resolve("cursors")
        : state.resolve("profiles").resolve(profile).resolve("cursors");
  }

  // Resolved like the config home, as the XDG spec says: a relative XDG_STATE_HOME is ignored.
  private static Path stateHome(Map<String, String> env, Path userHome) {
    String xdg = env.get("XDG_STATE_HOME");
    Path state =
        isSet(xdg) && Path.of(xdg).isAbsolute()
            ? Path.of(xdg).resolve("gmailcli")
            : userHome.resolve(".local").resolve("state").resolve("gmailcli");
    return state.toAbsolutePath();
  }

  /** Where the logins of profiles live: {@code GMAILCLI_HOME/profiles}. */
  public Path profilesDirectory() {
    return home.resolve("profiles");
  }

  /**
   * A profile name as given, if it is one: {@code [A-Za-z0-9._-]{1,64}} and not {@code .} or {@code
   * ..}, so that it never names a path outside {@code GMAILCLI_HOME}.
   *
   * @throws GmailCliException exit 2 for anything else
   */
  public static String checkProfileName(String name) {
    if (!PROFILE_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
      throw GmailCliException.usage(
          "'" + name + "' is not a profile name",
          "use 1 to 64 letters, digits, dots, dashes or underscores, e.g. --profile work");
    }
    return name;
  }

  private static Path profileDirectory(Path home, String profile) {
    return home.resolve("profiles").resolve(profile);
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
