package dev.gmailcli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailcli.harness.TokenFixtures;
import dev.gmailcli.standin.GoogleStandIn;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The launcher's class-data archive (CDS archive or AOT cache) never changes what gmailcli prints
 * or its exit code, and never fails a run: each case compares stdout, stderr and the exit code with
 * a run that has the archive turned off ({@code GMAILCLI_NO_CDS=1}). The launcher and jar are
 * copied to a directory of their own (so that the archive {@code mvn package} put next to target's
 * jar does not take part) and archives go to a temporary cache directory. Runs with the JDK running
 * the tests, and with every JDK home listed in the system property {@code gmailcli.it.jdks}. A
 * training makes two archives: the big one of the commands and the small one that gmailcli's own
 * {@code --help} and {@code --version} take; both are checked.
 */
class ArchiveIT {
  private static final String[] THREADS = {"threads", "--max", "3", "--format", "json"};
  // those that take the small archive, and two that take the big one without being its training
  private static final List<String[]> OTHER_COMMANDS =
      List.of(
          new String[] {"--version"},
          new String[] {"--help"},
          new String[] {"-h"},
          new String[] {},
          new String[] {"help", "threads"},
          new String[] {"status"});

  @TempDir Path installRoot;
  @TempDir Path home;
  @TempDir Path cacheRoot;
  @TempDir Path work;
  // spaces in both paths: the launcher must quote them
  Path install;
  Path cache;
  GoogleStandIn google;
  Path launcher;

  record Result(int exitCode, String out, String err) {}

  static List<Path> jdks() {
    List<Path> jdks = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"))));
    for (String home : System.getProperty("gmailcli.it.jdks", "").split("[,\\s]+")) {
      if (!home.isBlank() && Files.isExecutable(Path.of(home, "bin", "java"))) {
        jdks.add(Path.of(home));
      }
    }
    return jdks;
  }

  @BeforeEach
  void setUp() throws IOException {
    Path packaged =
        Path.of(System.getProperty("gmailcli.launcher", "target/gmailcli")).toAbsolutePath();
    install = Files.createDirectory(installRoot.resolve("gmail cli"));
    cache = cacheRoot.resolve("archive cache");
    launcher = install.resolve("gmailcli");
    Files.copy(packaged, launcher, StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(packaged.resolveSibling("gmailcli.jar"), install.resolve("gmailcli.jar"));
    google = GoogleStandIn.start().email("archive@example.com");
    google.mailbox().generate(5);
    Path config = home.resolve(".config/gmailcli");
    Files.createDirectories(config);
    Files.writeString(config.resolve("credentials.json"), google.credentialsJson());
    Files.writeString(config.resolve("token.json"), TokenFixtures.valid(google, Instant.now()));
  }

  @AfterEach
  void tearDown() {
    google.close();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void firstRun_makesTheArchive_missingArchive_isMadeAgain(Path jdk) throws Exception {
    Result reference = run(jdk, true, THREADS);
    assertThat(reference.exitCode()).as(reference.err()).isZero();

    assertSameAs(reference, run(jdk, false, THREADS));
    assertThat(archives()).hasSize(1);
    assertThat(helpArchives()).hasSize(1);
    assertThat(leftovers()).isEmpty();

    assertSameAs(reference, run(jdk, false, THREADS));
    for (String[] args : OTHER_COMMANDS) {
      assertSameAs(run(jdk, true, args), run(jdk, false, args));
    }
    Path archive = archives().get(0);
    Path helpArchive = helpArchives().get(0);
    Files.delete(archive);
    // without the small archive, help runs take the big one
    Files.delete(helpArchive);
    assertSameAs(run(jdk, true, "--help"), run(jdk, false, "--help"));

    assertSameAs(reference, run(jdk, false, THREADS));
    assertThat(archives()).containsExactly(archive);
    assertThat(helpArchives()).containsExactly(helpArchive);
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void failedRun_makesNoArchive_andFailsAsWithout(Path jdk) throws Exception {
    Files.delete(home.resolve(".config/gmailcli/token.json"));

    Result reference = run(jdk, true, THREADS);
    assertThat(reference.exitCode()).isEqualTo(3);

    assertSameAs(reference, run(jdk, false, THREADS));
    assertThat(archives()).isEmpty();
    assertThat(helpArchives()).isEmpty();
    assertThat(leftovers()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void jarReplaced_makesANewArchive_andAStaleOneChangesNothing(Path jdk) throws Exception {
    run(jdk, false, THREADS);
    Path old = archives().get(0);

    replaceJarWithAnotherBuild();
    Result reference = run(jdk, true, THREADS);

    assertSameAs(reference, run(jdk, false, THREADS));
    assertThat(archives()).hasSize(2).contains(old);
    assertSameAs(reference, run(jdk, false, THREADS));

    // the old jar's archives found under the names of the current jar's
    Path current = archives().stream().filter(p -> !p.equals(old)).findFirst().orElseThrow();
    Files.move(old, current, StandardCopyOption.REPLACE_EXISTING);
    Path oldHelp = helpArchives().stream().filter(p -> !isOf(p, current)).findFirst().orElseThrow();
    Path currentHelp =
        helpArchives().stream().filter(p -> isOf(p, current)).findFirst().orElseThrow();
    Files.move(oldHelp, currentHelp, StandardCopyOption.REPLACE_EXISTING);
    assertSameAs(reference, run(jdk, false, THREADS));
    for (String[] args : OTHER_COMMANDS) {
      assertSameAs(run(jdk, true, args), run(jdk, false, args));
    }
  }

  // whether a small archive and a big one were made for the same jar and JDK
  private static boolean isOf(Path helpArchive, Path archive) {
    String name = archive.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String help = name.substring(0, dot) + ".help" + name.substring(dot);
    return helpArchive.getFileName().toString().equals(help);
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void fourRunsAtOnce_onlyOneTrains_allPrintTheSame(Path jdk) throws Exception {
    Result reference = run(jdk, true, THREADS);

    List<CompletableFuture<Result>> runs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      runs.add(CompletableFuture.supplyAsync(() -> runUnchecked(jdk, THREADS)));
    }

    for (CompletableFuture<Result> result : runs) {
      assertSameAs(reference, result.get(5, TimeUnit.MINUTES));
    }
    assertThat(archives()).hasSize(1);
    assertThat(helpArchives()).hasSize(1);
    assertThat(leftovers()).isEmpty();
    assertSameAs(reference, run(jdk, false, THREADS));
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void turnedOff_makesNoArchive(Path jdk) throws Exception {
    run(jdk, true, THREADS);
    run(jdk, true, THREADS);

    assertThat(archives()).isEmpty();
    assertThat(helpArchives()).isEmpty();
    assertThat(leftovers()).isEmpty();
  }

  private static void assertSameAs(Result expected, Result actual) {
    assertThat(actual.out()).isEqualTo(expected.out());
    assertThat(actual.err()).isEqualTo(expected.err());
    assertThat(actual.exitCode()).isEqualTo(expected.exitCode());
  }

  // the same classes in a different jar file (another size, another time), like a rebuild
  private void replaceJarWithAnotherBuild() throws IOException {
    Path jar = install.resolve("gmailcli.jar");
    Path rebuilt = install.resolve("gmailcli.jar.new");
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rebuilt))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        out.putNextEntry(new ZipEntry(entry.getName()));
        in.transferTo(out);
        out.closeEntry();
      }
      out.putNextEntry(new ZipEntry("META-INF/rebuilt-" + System.nanoTime() + ".txt"));
      out.write("rebuilt\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    Files.move(rebuilt, jar, StandardCopyOption.REPLACE_EXISTING);
  }

  // the archives of the commands
  private List<Path> archives() throws IOException {
    return inCache(
        name ->
            name.startsWith("gmailcli-")
                && name.matches(".*\\.(jsa|aot)")
                && !name.matches(".*\\.help\\.(jsa|aot)"));
  }

  // the small archives, of --help and --version
  private List<Path> helpArchives() throws IOException {
    return inCache(name -> name.startsWith("gmailcli-") && name.matches(".*\\.help\\.(jsa|aot)"));
  }

  // what a training leaves only while it runs: its lock and temporary files
  private List<Path> leftovers() throws IOException {
    return inCache(name -> name.endsWith(".lock") || name.contains(".tmp"));
  }

  private List<Path> inCache(Predicate<String> name) throws IOException {
    if (!Files.isDirectory(cache)) {
      return List.of();
    }
    try (Stream<Path> paths = Files.list(cache)) {
      return paths.filter(p -> name.test(p.getFileName().toString())).sorted().toList();
    }
  }

  private Result runUnchecked(Path jdk, String... args) {
    try {
      return run(jdk, false, args);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Result run(Path jdk, boolean archiveOff, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(launcher.toString());
    command.addAll(Arrays.asList(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
    Map<String, String> env = builder.environment();
    env.clear();
    env.put("HOME", home.toString());
    env.put("PATH", jdk.resolve("bin") + ":/usr/bin:/bin");
    env.put("JAVA_HOME", jdk.toString());
    env.put("GMAILCLI_CACHE_DIR", cache.toString());
    env.put("GMAILCLI_GMAIL_ROOT_URL", google.baseUrl());
    env.put("GMAILCLI_TOKEN_URI", google.tokenUri());
    env.put("GMAILCLI_REVOKE_URI", google.revokeUri());
    if (archiveOff) {
      env.put("GMAILCLI_NO_CDS", "1");
    }
    Process process = builder.start();
    process.getOutputStream().close();
    CompletableFuture<byte[]> err =
        CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
    try (Stream<Path> crashes = Files.list(work)) {
      assertThat(crashes).as("JVM crash reports").isEmpty();
    }
    return new Result(
        process.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err.get(), StandardCharsets.UTF_8));
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
