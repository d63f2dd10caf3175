package dev.gmailcli.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged launcher ({@code target/gmailcli}, or the {@code gmailcli.launcher} system property
 * failsafe sets) run as a separate process, as a user or cron runs it — optionally as the
 * unprivileged user {@code nobody}, since root ignores file permissions.
 */
public final class Launcher {
  /** What a run printed and returned. */
  public record Result(int exitCode, String out, String err) {}

  private final Path executable;
  private final Map<String, String> env = new HashMap<>();
  private boolean asNobody;

  private Launcher(Path executable) {
    this.executable = executable;
    env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
  }

  /** The launcher built by {@code mvn package}. */
  public static Launcher packaged() {
    return new Launcher(
        Path.of(System.getProperty("gmailcli.launcher", "target/gmailcli")).toAbsolutePath());
  }

  /** Another launcher: one unpacked from the archive or installed by install.sh. */
  public static Launcher at(Path executable) {
    return new Launcher(executable);
  }

  /** Sets (or, with null, removes) an environment variable of the runs. */
  public Launcher env(String name, String value) {
    if (value == null) {
      env.remove(name);
    } else {
      env.put(name, value);
    }
    return this;
  }

  /** Points the runs at a Google stand-in. */
  public Launcher google(String baseUrl) {
    return env("GMAILCLI_GMAIL_ROOT_URL", baseUrl)
        .env("GMAILCLI_TOKEN_URI", baseUrl + "token")
        .env("GMAILCLI_REVOKE_URI", baseUrl + "revoke");
  }

  /** Runs as {@code nobody}/{@code nogroup} through setpriv (only root can do that). */
  public Launcher asNobody() {
    this.asNobody = true;
    return this;
  }

  /** True when this process can run others as {@code nobody}. */
  public static boolean canRunAsNobody() {
    return "root".equals(System.getProperty("user.name"))
        && Files.isExecutable(Path.of("/usr/bin/setpriv"));
  }

  /** Starts a run with stdin closed (not a terminal, as under cron). */
  public Process start(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    if (asNobody) {
      command.addAll(
          List.of("/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"));
    }
    command.add(executable.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of("/").toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close();
    return process;
  }

  /** Runs to the end (at most a minute). */
  public Result run(String... args) throws IOException, InterruptedException {
    return finish(start(args));
  }

  /** Waits for a started run and collects what it printed. */
  public static Result finish(Process process) throws IOException, InterruptedException {
    byte[] out = process.getInputStream().readAllBytes();
    byte[] err = process.getErrorStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("gmailcli did not finish within 60 s");
    }
    return new Result(
        process.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }
}
