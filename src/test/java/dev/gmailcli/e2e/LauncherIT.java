package dev.gmailcli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailcli.harness.TempHome;
import dev.gmailcli.harness.TokenFixtures;
import dev.gmailcli.harness.WithGoogleStandIn;
import dev.gmailcli.standin.GoogleStandIn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged launcher {@code target/gmailcli} as a separate process, as a user (or cron)
 * would: catches packaging bugs (shading, manifest, script) that in-process tests cannot.
 */
@WithGoogleStandIn
class LauncherIT {
  @TempDir Path elsewhere;
  @TempHome Path home;
  GoogleStandIn google;
  Path launcher;
  Path browserMarker;

  record Result(int exitCode, String out, String err) {}

  @BeforeEach
  void setUp() {
    launcher = Path.of(System.getProperty("gmailcli.launcher", "target/gmailcli")).toAbsolutePath();
    assertThat(launcher).isExecutable();
    google.email("launcher@example.com");
    browserMarker = home.resolve("browser-was-opened");
  }

  private Path browserScript() throws IOException {
    Path script = home.resolve("test-browser.sh");
    Files.writeString(
        script,
        "#!/bin/sh\ntouch '"
            + browserMarker
            + "'\n"
            + "curl -s -L -o /dev/null --max-time 20 \"$1\" &\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }

  private Result run(Path executable, Path workingDir, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile());
    Map<String, String> env = builder.environment();
    env.clear();
    env.putAll(baseEnv());
    Process process = builder.start();
    process.getOutputStream().close(); // stdin is not a terminal, as under cron
    var out = process.getInputStream().readAllBytes();
    var err = process.getErrorStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(
        process.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }

  private Map<String, String> baseEnv() throws IOException {
    Map<String, String> env = new HashMap<>();
    env.put("HOME", home.toString());
    env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
    env.put("GMAILCLI_GMAIL_ROOT_URL", google.baseUrl());
    env.put("GMAILCLI_TOKEN_URI", google.tokenUri());
    env.put("GMAILCLI_REVOKE_URI", google.revokeUri());
    env.put("BROWSER", browserScript().toString());
    return env;
  }

  @Test
  void version_fromAnotherDirectory_throughASymlink() throws Exception {
    Path link = elsewhere.resolve("gmailcli");
    Files.createSymbolicLink(link, launcher);

    Result result = run(link, elsewhere, "--version");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("gmailcli ").doesNotContain("dev");
  }

  @Test
  void loginThenThreadsThenStatusThenLogout_asSeparateProcesses() throws Exception {
    Path config = home.resolve(".config/gmailcli");
    Files.createDirectories(config);
    Files.writeString(config.resolve("credentials.json"), google.credentialsJson());
    google.mailbox().generate(7);

    Result login = run(launcher, elsewhere, "login", "--timeout", "30s");
    assertThat(login.exitCode()).as(login.err()).isZero();
    assertThat(login.err()).contains("Logged in as launcher@example.com");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(config.resolve("token.json"))))
        .isEqualTo("rw-------");

    Result threads = run(launcher, elsewhere, "threads", "--max", "3");
    assertThat(threads.exitCode()).as(threads.err()).isZero();
    assertThat(threads.err()).isEmpty();
    assertThat(threads.out().lines()).hasSize(3).allMatch(line -> line.split("\t", -1).length == 5);

    Result status = run(launcher, elsewhere, "status", "--format", "json");
    assertThat(status.exitCode()).isZero();
    assertThat(status.out()).contains("\"account\": \"launcher@example.com\"");

    Result logout = run(launcher, elsewhere, "logout");
    assertThat(logout.exitCode()).as(logout.err()).isZero();
    assertThat(config.resolve("token.json")).doesNotExist();
    assertThat(google.count("revoke")).isEqualTo(1);
  }

  @Test
  void cronWithoutLogin_exits3_andNeverOpensABrowser() throws Exception {
    Result result = run(launcher, elsewhere, "threads");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("not logged in").doesNotContain("Exception");
    assertThat(browserMarker).doesNotExist();
    assertThat(google.requests()).isEmpty();
  }

  @Test
  void expiredTokenFromPython_isRefreshedAndSaved_byThePackagedJar() throws Exception {
    String refresh = google.seedRefreshToken(TokenFixtures.READONLY);
    Path config = home.resolve(".config/gmailcli");
    Files.createDirectories(config);
    // the packaged launcher runs on the system clock, so "expired" is by the real time
    Files.writeString(
        config.resolve("token.json"), TokenFixtures.expired(google, Instant.now(), refresh));
    google.mailbox().generate(2);

    Files.setPosixFilePermissions(
        config.resolve("token.json"), PosixFilePermissions.fromString("rw-r--r--"));

    Result result = run(launcher, elsewhere, "threads", "--format", "json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    // Python writes token.json with the umask's mode; gmailcli says so once, then saves it 0600
    assertThat(result.err().lines())
        .singleElement()
        .asString()
        .startsWith("warning: " + config.resolve("token.json") + " can be read or written by")
        .contains("(mode 0644)", "chmod 600");
    assertThat(result.out()).contains("\"threads\": [");
    assertThat(google.count("token.refresh")).isEqualTo(1);
    assertThat(Files.readString(config.resolve("token.json"))).contains(refresh);
    assertThat(Files.getPosixFilePermissions(config.resolve("token.json")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    Result again = run(launcher, elsewhere, "threads", "--format", "json");
    assertThat(again.err()).isEmpty();
  }
}
