package dev.gmailcli.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.google.api.client.util.Sleeper;
import dev.gmailcli.ExitCode;
import dev.gmailcli.GmailCliException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenFileTest {
  @TempDir Path tmp;

  private static final StoredToken TOKEN =
      new StoredToken(
          "fake-access-token",
          "fake-refresh-token",
          "https://oauth2.googleapis.com/token",
          "fake-client-id",
          "fake-client-secret",
          List.of("scope-a"),
          "googleapis.com",
          "jane@example.com",
          Instant.parse("2025-10-20T09:18:16Z"),
          null);

  @BeforeEach
  void needsPosix() {
    assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
  }

  /** The configuration error (exit 4) that {@code call} must fail with. */
  private static GmailCliException configError(ThrowingCallable call) {
    GmailCliException e = catchThrowableOfType(GmailCliException.class, call);
    assertThat(e).as("a GmailCliException").isNotNull();
    assertThat(e.exitCode()).isEqualTo(ExitCode.CONFIG);
    return e;
  }

  private static List<String> names(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void write_createsMissingDirectoryWith0700_andFileWith0600() throws Exception {
    Path dir = tmp.resolve("config").resolve("gmailcli");
    TokenFile file = new TokenFile(dir.resolve("token.json"));

    file.write(TOKEN);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())))
        .isEqualTo("rw-------");
  }

  @Test
  void write_leavesAnExistingDirectoryModeAlone() throws Exception {
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-x---"));

    new TokenFile(tmp.resolve("token.json")).write(TOKEN);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp)))
        .isEqualTo("rwxr-x---");
  }

  @Test
  void write_replacesAWorldReadableFile_with0600() throws Exception {
    Path path = tmp.resolve("token.json");
    Files.writeString(path, "{\"token\": \"old\"}");
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));

    new TokenFile(path).write(TOKEN);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(path)).isEqualTo(TokenJson.format(TOKEN));
  }

  @Test
  void write_replacesTheFile_andLeavesNoTemporaryFiles() throws Exception {
    TokenFile file = new TokenFile(tmp.resolve("token.json"));
    file.write(TOKEN);

    file.write(TOKEN.refreshed("fake-second-access", TOKEN.expiry(), null, null));

    assertThat(names(tmp)).containsExactly("token.json");
    assertThat(file.read()).get().extracting(StoredToken::token).isEqualTo("fake-second-access");
  }

  @Test
  void writeThenRead_returnsTheSameToken() {
    TokenFile file = new TokenFile(tmp.resolve("token.json"));

    file.write(TOKEN);

    assertThat(file.read()).contains(TOKEN);
  }

  @Test
  void readOfMissingFile_isEmpty() {
    assertThat(new TokenFile(tmp.resolve("absent.json")).read()).isEmpty();
  }

  @Test
  void readOfMalformedFile_isConfigError_andLeavesTheFileUntouched() throws Exception {
    Path path = tmp.resolve("token.json");
    byte[] original =
        "{\"token\": \"fake-access-token\", \"expiry\": \"fake-garbage\"}"
            .getBytes(StandardCharsets.UTF_8);
    Files.write(path, original);

    GmailCliException e = configError(() -> new TokenFile(path).read());

    assertThat(e.getMessage())
        .contains(path.toString(), "expiry")
        .doesNotContain("fake-garbage", "fake-access-token");
    assertThat(e.hint()).contains("gmailcli login");
    assertThat(Files.readAllBytes(path)).isEqualTo(original);
  }

  @Test
  void readOfDirectory_isConfigError() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("token.json"));

    configError(() -> new TokenFile(dir).read());
  }

  // An unwritable directory is tested as an unprivileged user (root ignores permissions):
  // ReadOnlyTokenIT.

  @Test
  void writeWhereTheParentIsAFile_isConfigErrorNamingThePath() throws Exception {
    Path notADirectory = Files.writeString(tmp.resolve("plain-file"), "x");
    Path path = notADirectory.resolve("token.json");

    GmailCliException e = configError(() -> new TokenFile(path).write(TOKEN));

    assertThat(e.getMessage()).contains(path.toString());
    assertThat(e.hint()).contains("--token");
    assertThat(names(tmp)).containsExactly("plain-file");
  }

  @Test
  void writeOverADirectory_failsAndCleansUpItsTemporaryFile() throws Exception {
    Path path = Files.createDirectory(tmp.resolve("token.json"));
    Files.writeString(path.resolve("keep"), "x");

    configError(() -> new TokenFile(path).write(TOKEN));
    assertThat(names(tmp)).containsExactly("token.json");
  }

  @Test
  void delete_removesTheFile_andReportsWhetherThereWasOne() throws Exception {
    TokenFile file = new TokenFile(tmp.resolve("token.json"));
    file.write(TOKEN);

    assertThat(file.delete()).isTrue();
    assertThat(Files.exists(file.path())).isFalse();
    assertThat(file.delete()).isFalse();
  }

  @Test
  void write_throughASymlink_updatesTheLinkedFile_andKeepsTheLink() throws Exception {
    Path shared = Files.createDirectories(tmp.resolve("python-project")).resolve("token.json");
    Files.writeString(shared, "{}");
    Path link = Files.createDirectories(tmp.resolve("gmailcli")).resolve("token.json");
    Files.createSymbolicLink(link, shared);

    new TokenFile(link).write(TOKEN);

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(new TokenFile(shared).read()).contains(TOKEN);
  }

  @Test
  void write_intoGmailclisOwnDirectory_tightensItTo0700() throws Exception {
    Path home = Files.createDirectories(tmp.resolve("gmailcli-home"));
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));

    new TokenFile(home.resolve("token.json"), home, false, Sleeper.DEFAULT, line -> {})
        .write(TOKEN);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home)))
        .isEqualTo("rwx------");
  }

  @Test
  void read_notUtf8_isAConfigurationError_andTheFileIsKept() throws Exception {
    Path path = tmp.resolve("token.json");
    byte[] bytes = {'{', (byte) 0xC3, (byte) 0x28, '}'};
    Files.write(path, bytes);

    assertThat(configError(() -> new TokenFile(path).read()).getMessage()).contains("not UTF-8");
    assertThat(Files.readAllBytes(path)).isEqualTo(bytes);
  }
}
