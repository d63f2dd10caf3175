package dev.gmailcli.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The archive {@code mvn package} makes ({@code target/gmailcli-VERSION.tar.gz}, or the {@code
 * gmailcli.archive} system property failsafe sets), unpacked with the system's tar as a person
 * would, and commands such as {@code install.sh} run as processes with an environment of the test's
 * choosing.
 */
public final class Distribution {
  private Distribution() {}

  /** The version the build gave the archive (failsafe's {@code gmailcli.version}). */
  public static String version() {
    String version = System.getProperty("gmailcli.version");
    assertThat(version).as("system property gmailcli.version (set by failsafe)").isNotBlank();
    return version;
  }

  /** The archive's path. */
  public static Path archive() {
    Path archive =
        Path.of(System.getProperty("gmailcli.archive", "target/gmailcli-" + version() + ".tar.gz"))
            .toAbsolutePath();
    assertThat(archive).as("the archive mvn package makes").isRegularFile();
    return archive;
  }

  /** Unpacks the archive into {@code dir} and returns its top directory, gmailcli-VERSION. */
  public static Path unpack(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Launcher.Result tar =
        run(dir, Map.of(), "tar", "-xzf", archive().toString(), "-C", dir.toString());
    assertThat(tar.exitCode()).as(tar.err()).isZero();
    return dir.resolve("gmailcli-" + version());
  }

  /** Runs {@code command} in {@code dir} with PATH (system tools and java) and {@code env}. */
  public static Launcher.Result run(Path dir, Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command)));
    builder.directory(dir.toFile());
    builder.environment().clear();
    builder
        .environment()
        .put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close();
    CompletableFuture<byte[]> err =
        CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
    byte[] out = readAll(process.getInputStream());
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish within 2 min");
    }
    return new Launcher.Result(
        process.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err.join(), StandardCharsets.UTF_8));
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
