package dev.gmailcli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailcli.harness.Distribution;
import dev.gmailcli.harness.Launcher;
import dev.gmailcli.harness.TempHome;
import dev.gmailcli.harness.TokenFixtures;
import dev.gmailcli.harness.WithGoogleStandIn;
import dev.gmailcli.standin.GoogleStandIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive as a person uses it: unpacked anywhere (a path with a space) and run from there, also
 * through symlinks from elsewhere; and {@code install.sh}, twice into the same prefix, then from an
 * unpacked newer version over the older install. Each time gmailcli lists threads from a stand-in,
 * and prints nothing but what it should.
 */
@WithGoogleStandIn
class InstallIT {
  @TempDir Path work;
  @TempHome Path home;
  GoogleStandIn google;
  String version;

  @BeforeEach
  void setUp() throws IOException {
    version = Distribution.version();
    google.mailbox().generate(5);
    Path config = Files.createDirectories(home.resolve(".config/gmailcli"));
    Path token = config.resolve("token.json");
    Files.writeString(token, TokenFixtures.valid(google, Instant.now()));
    Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void unpackedAnywhere_runs_alsoThroughSymlinks() throws Exception {
    Path tree = Distribution.unpack(work.resolve("un packed"));
    Path cache = work.resolve("cache");

    Launcher.Result version = gmailcli(tree.resolve("bin/gmailcli"), cache).run("--version");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).isEqualTo("gmailcli " + this.version + "\n");
    assertThat(version.err()).isEmpty();

    // the first listing also makes the class-data archives (the commands' and the small one of
    // --help and --version), in the cache and nowhere else
    Launcher.Result first = gmailcli(tree.resolve("bin/gmailcli"), cache).run("threads", "-n", "3");
    assertListed(first);
    try (Stream<Path> lib = Files.list(tree.resolve("lib"));
        Stream<Path> cached = Files.list(cache)) {
      assertThat(lib).containsExactly(tree.resolve("lib/gmailcli.jar"));
      assertThat(cached.map(p -> p.getFileName().toString()))
          .hasSize(2)
          .allMatch(name -> name.matches("gmailcli-.*\\.(jsa|aot)"))
          .filteredOn(name -> name.matches(".*\\.help\\.(jsa|aot)"))
          .hasSize(1);
    }

    Path link = Files.createDirectories(work.resolve("elsewhere")).resolve("gmailcli");
    Files.createSymbolicLink(link, tree.resolve("bin/gmailcli"));
    Path chain = Files.createDirectories(work.resolve("chain")).resolve("gm");
    Files.createSymbolicLink(chain, Path.of("../elsewhere/gmailcli"));
    assertThat(gmailcli(link, cache).run("threads", "-n", "3")).isEqualTo(first);
    assertThat(gmailcli(chain, cache).run("threads", "-n", "3")).isEqualTo(first);
  }

  @Test
  void installSh_twice_changesNothingTheSecondTime() throws Exception {
    Path prefix = work.resolve("pre fix");
    Path old = Files.createDirectories(prefix.resolve("bin")).resolve("gmailcli");
    // the README's old advice: a symlink into a build directory, replaced by the real launcher
    Files.createSymbolicLink(old, Path.of("target/gmailcli").toAbsolutePath());

    Launcher.Result first = install(prefix, Distribution.archive().toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out())
        .startsWith("Installed gmailcli-" + version + " in " + prefix + ":")
        .contains("export PATH=\"" + prefix + "/bin:$PATH\"");
    Map<String, String> installed = snapshot(prefix);
    Object jar = Files.getAttribute(prefix.resolve("lib/gmailcli.jar"), "unix:ino");

    Launcher.Result second = install(prefix, Distribution.archive().toString());
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.out()).startsWith("gmailcli-" + version + " is already installed in");
    assertThat(snapshot(prefix)).isEqualTo(installed);
    assertThat(Files.getAttribute(prefix.resolve("lib/gmailcli.jar"), "unix:ino")).isEqualTo(jar);

    assertThat(installed)
        .containsEntry("bin/gmailcli", "rwxr-xr-x")
        .containsEntry("lib/gmailcli.jar", "rw-r--r--")
        .containsKeys(
            "share/man/man1/gmailcli.1",
            "share/man/man1/gmailcli-threads.1",
            "share/bash-completion/completions/gmailcli",
            "share/zsh/site-functions/_gmailcli",
            "share/doc/gmailcli/README.md",
            "share/doc/gmailcli/LICENSE");
    assertThat(Files.isSymbolicLink(old)).isFalse();
    assertListed(gmailcli(prefix.resolve("bin/gmailcli"), null).run("threads", "-n", "3"));
  }

  @Test
  void installSh_fromAnUnpackedNewerVersion_replacesAndRemovesOnlyItsOwnFiles() throws Exception {
    Path prefix = work.resolve("prefix");
    assertThat(install(prefix, Distribution.archive().toString()).exitCode()).isZero();
    Path foreign = prefix.resolve("share/man/man1/other.1");
    Files.writeString(foreign, "another program's page\n");
    Object jar = Files.getAttribute(prefix.resolve("lib/gmailcli.jar"), "unix:ino");
    // the newer version: one command (and its page) gone, another README
    Path newer = Distribution.unpack(work.resolve("newer"));
    Files.delete(newer.resolve("share/man/man1/gmailcli-help.1"));
    Files.writeString(newer.resolve("README.md"), "# gmailcli, newer\n");

    Launcher.Result result =
        Distribution.run(
            work,
            Map.of("HOME", home.toString()),
            newer + "/install.sh",
            "--prefix",
            prefix.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("Installed gmailcli-" + version).contains("1 removed");
    assertThat(prefix.resolve("share/man/man1/gmailcli-help.1")).doesNotExist();
    assertThat(prefix.resolve("share/man/man1/gmailcli-threads.1")).exists();
    assertThat(foreign).hasContent("another program's page");
    assertThat(prefix.resolve("share/doc/gmailcli/README.md")).hasContent("# gmailcli, newer");
    assertThat(Files.getAttribute(prefix.resolve("lib/gmailcli.jar"), "unix:ino")).isEqualTo(jar);
    assertListed(gmailcli(prefix.resolve("bin/gmailcli"), null).run("threads", "-n", "3"));
  }

  @Test
  void installSh_withoutPrefix_installsInDotLocal() throws Exception {
    Launcher.Result result = install(null, Distribution.archive().toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(home.resolve(".local/bin/gmailcli")).isExecutable();
    assertThat(home.resolve(".local/lib/gmailcli.jar")).isRegularFile();
    Launcher.Result version = gmailcli(home.resolve(".local/bin/gmailcli"), null).run("-V");
    assertThat(version.out()).isEqualTo("gmailcli " + this.version + "\n");
  }

  private Launcher.Result install(Path prefix, String archive) throws Exception {
    String script = Path.of("install.sh").toAbsolutePath().toString();
    Map<String, String> env = Map.of("HOME", home.toString());
    return prefix == null
        ? Distribution.run(work, env, "sh", script, archive)
        : Distribution.run(work, env, "sh", script, "--prefix", prefix.toString(), archive);
  }

  // the cache makes a class-data archive on the first listing; without one, no archive at all
  // (each new jar file would train one: seconds, and ArchiveIT covers it)
  private Launcher gmailcli(Path executable, Path cache) {
    Launcher launcher =
        Launcher.at(executable).google(google.baseUrl()).env("HOME", home.toString());
    return cache == null
        ? launcher.env("GMAILCLI_NO_CDS", "1")
        : launcher.env("GMAILCLI_CACHE_DIR", cache.toString());
  }

  private static void assertListed(Launcher.Result result) {
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out().lines()).hasSize(3).allMatch(l -> l.split("\t", -1).length == 5);
  }

  // every file under the prefix: its mode and a digest of its content
  private static Map<String, String> snapshot(Path prefix) throws Exception {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(prefix)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        String digest =
            HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path)));
        files.put(
            prefix.relativize(path).toString(),
            PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
        files.put(prefix.relativize(path) + " sha-256", digest);
      }
    }
    return files;
  }
}
