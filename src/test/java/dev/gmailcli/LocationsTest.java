package dev.gmailcli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocationsTest {
  @TempDir Path tmp;

  private Path home() {
    return tmp.resolve("home");
  }

  private Locations resolve(Map<String, String> env, Path credentialsOption, Path tokenOption) {
    return Locations.resolve(env, home(), credentialsOption, tokenOption, null);
  }

  @Test
  void nothingSet_usesDotConfigInTheUserHome() {
    Locations locations = resolve(Map.of(), null, null);

    Path dir = home().resolve(".config/gmailcli");
    assertThat(locations.home()).isEqualTo(dir);
    assertThat(locations.credentials()).isEqualTo(dir.resolve("credentials.json"));
    assertThat(locations.token()).isEqualTo(dir.resolve("token.json"));
  }

  @Test
  void absoluteXdgConfigHome_isUsed() {
    Path xdg = tmp.resolve("xdg");

    Locations locations = resolve(Map.of("XDG_CONFIG_HOME", xdg.toString()), null, null);

    assertThat(locations.home()).isEqualTo(xdg.resolve("gmailcli"));
    assertThat(locations.token()).isEqualTo(xdg.resolve("gmailcli/token.json"));
  }

  @Test
  void relativeOrBlankXdgConfigHome_isIgnored_asTheXdgSpecSays() {
    Path fallback = home().resolve(".config/gmailcli");

    assertThat(resolve(Map.of("XDG_CONFIG_HOME", "relative/xdg"), null, null).home())
        .isEqualTo(fallback);
    assertThat(resolve(Map.of("XDG_CONFIG_HOME", "  "), null, null).home()).isEqualTo(fallback);
  }

  @Test
  void gmailcliHome_winsOverXdgConfigHome() {
    Path own = tmp.resolve("own");
    Map<String, String> env =
        Map.of("GMAILCLI_HOME", own.toString(), "XDG_CONFIG_HOME", tmp.resolve("xdg").toString());

    Locations locations = resolve(env, null, null);

    assertThat(locations.home()).isEqualTo(own);
    assertThat(locations.credentials()).isEqualTo(own.resolve("credentials.json"));
    assertThat(locations.token()).isEqualTo(own.resolve("token.json"));
  }

  @Test
  void fileVariables_winOverGmailcliHome() {
    Map<String, String> env = new HashMap<>();
    env.put("GMAILCLI_HOME", tmp.resolve("own").toString());
    env.put("GMAILCLI_CREDENTIALS", tmp.resolve("env-credentials.json").toString());
    env.put("GMAILCLI_TOKEN", tmp.resolve("env-token.json").toString());

    Locations locations = resolve(env, null, null);

    assertThat(locations.home()).isEqualTo(tmp.resolve("own"));
    assertThat(locations.credentials()).isEqualTo(tmp.resolve("env-credentials.json"));
    assertThat(locations.token()).isEqualTo(tmp.resolve("env-token.json"));
  }

  @Test
  void options_winOverFileVariables() {
    Map<String, String> env =
        Map.of(
            "GMAILCLI_CREDENTIALS", tmp.resolve("env-credentials.json").toString(),
            "GMAILCLI_TOKEN", tmp.resolve("env-token.json").toString());

    Locations locations =
        resolve(env, tmp.resolve("opt-credentials.json"), tmp.resolve("opt-token.json"));

    assertThat(locations.credentials()).isEqualTo(tmp.resolve("opt-credentials.json"));
    assertThat(locations.token()).isEqualTo(tmp.resolve("opt-token.json"));
  }

  @Test
  void eachFileIsResolvedOnItsOwn() {
    Locations locations =
        resolve(Map.of("GMAILCLI_TOKEN", tmp.resolve("env-token.json").toString()), null, null);

    assertThat(locations.token()).isEqualTo(tmp.resolve("env-token.json"));
    assertThat(locations.credentials())
        .isEqualTo(home().resolve(".config/gmailcli/credentials.json"));
  }

  @Test
  void blankVariables_countAsUnset() {
    Locations locations =
        resolve(
            Map.of("GMAILCLI_HOME", " ", "GMAILCLI_TOKEN", "", "GMAILCLI_CREDENTIALS", " "),
            null,
            null);

    assertThat(locations.token()).isEqualTo(home().resolve(".config/gmailcli/token.json"));
    assertThat(locations.credentials())
        .isEqualTo(home().resolve(".config/gmailcli/credentials.json"));
  }

  @Test
  void relativePaths_areMadeAbsolute() {
    Locations locations = resolve(Map.of(), Path.of("creds.json"), Path.of("tok.json"));

    assertThat(locations.credentials())
        .isAbsolute()
        .isEqualTo(Path.of("creds.json").toAbsolutePath());
    assertThat(locations.token()).isAbsolute().isEqualTo(Path.of("tok.json").toAbsolutePath());
  }

  @Test
  void state_isXdgStateHome_elseDotLocalState_andGmailcliHomeDoesNotMoveIt() {
    Path xdg = tmp.resolve("xdg-state");

    assertThat(resolve(Map.of(), null, null).state())
        .isEqualTo(home().resolve(".local/state/gmailcli"));
    assertThat(resolve(Map.of("XDG_STATE_HOME", xdg.toString()), null, null).state())
        .isEqualTo(xdg.resolve("gmailcli"));
    assertThat(resolve(Map.of("GMAILCLI_HOME", tmp.resolve("own").toString()), null, null).state())
        .isEqualTo(home().resolve(".local/state/gmailcli"));
  }

  @Test
  void relativeOrBlankXdgStateHome_isIgnored() {
    Path fallback = home().resolve(".local/state/gmailcli");

    assertThat(resolve(Map.of("XDG_STATE_HOME", "relative/state"), null, null).state())
        .isEqualTo(fallback);
    assertThat(resolve(Map.of("XDG_STATE_HOME", " "), null, null).state()).isEqualTo(fallback);
  }

  @Test
  void cursors_liveInTheStateDirectory() {
    Locations locations = resolve(Map.of(), null, null);

    assertThat(locations.cursors()).isEqualTo(home().resolve(".local/state/gmailcli/cursors"));
  }
}
