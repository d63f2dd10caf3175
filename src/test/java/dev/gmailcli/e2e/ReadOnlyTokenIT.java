package dev.gmailcli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailcli.harness.Launcher;
import dev.gmailcli.harness.TokenFixtures;
import dev.gmailcli.standin.GoogleStandIn;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A token.json that cannot be written (a secret mounted read-only): the run works with the fresh
 * token, the file stays byte-identical, and one warning says how to fix or silence it. Root ignores
 * file permissions, so under root the launcher runs as {@code nobody}.
 */
class ReadOnlyTokenIT {
  GoogleStandIn google;
  Launcher gmailcli;
  Path base;
  Path config;
  Path token;
  byte[] before;

  @BeforeEach
  void expiredLoginOwnedByTheRunningUser() throws IOException {
    google = GoogleStandIn.start();
    google.mailbox().generate(2);
    // a directory the unprivileged user can reach (JUnit's @TempDir is private to root)
    base = Files.createTempDirectory("gmailcli-readonly-");
    Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path home = Files.createDirectories(base.resolve("home"));
    config = Files.createDirectories(home.resolve(".config/gmailcli"));
    token = config.resolve("token.json");
    Files.writeString(
        token,
        TokenFixtures.expired(
            google, Instant.now(), google.seedRefreshToken(TokenFixtures.READONLY)));
    before = Files.readAllBytes(token);
    gmailcli = Launcher.packaged().google(google.baseUrl()).env("HOME", home.toString());
    if (Launcher.canRunAsNobody()) {
      UserPrincipal nobody =
          FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
      for (Path path : new Path[] {home, home.resolve(".config"), config, token}) {
        Files.setOwner(path, nobody);
      }
      gmailcli.asNobody();
    }
  }

  @AfterEach
  void cleanUp() throws IOException {
    google.close();
    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rwx------"));
    try (Stream<Path> all = Files.walk(base)) {
      for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private void readOnly(String fileMode, String directoryMode) throws IOException {
    Files.setPosixFilePermissions(token, PosixFilePermissions.fromString(fileMode));
    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString(directoryMode));
  }

  @Test
  void readOnlyDirectory_worksWithTheFreshToken_keepsTheFile_andWarnsOnce() throws Exception {
    readOnly("r--------", "r-x------");

    Launcher.Result run = gmailcli.run("threads", "--max", "2");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines()).hasSize(2);
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .startsWith("warning: could not save the refreshed login to " + token)
        .contains("every run will refresh it again", "GMAILCLI_TOKEN_READONLY=1");
    assertThat(Files.readAllBytes(token)).isEqualTo(before);
    assertThat(config.resolve("token.json.lock")).doesNotExist();
    assertThat(google.count("token.refresh")).isEqualTo(1);
  }

  @Test
  void readOnlyFile_inAWritableDirectory_isNotReplaced() throws Exception {
    readOnly("r--------", "rwx------");

    Launcher.Result run = gmailcli.run("threads", "--max", "2");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("warning: could not save the refreshed login", "read-only");
    assertThat(Files.readAllBytes(token)).isEqualTo(before);
    assertThat(Files.getPosixFilePermissions(token))
        .isEqualTo(PosixFilePermissions.fromString("r--------"));
  }

  @Test
  void declaredReadOnly_triesNoSave_andSaysNothing() throws Exception {
    readOnly("r--------", "r-x------");
    gmailcli.env("GMAILCLI_TOKEN_READONLY", "1");

    Launcher.Result run = gmailcli.run("threads", "--max", "2");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out().lines()).hasSize(2);
    assertThat(Files.readAllBytes(token)).isEqualTo(before);
  }
}
