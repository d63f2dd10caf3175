package dev.gmailcli.docs;

import dev.gmailcli.standin.GoogleStandIn;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs README commands as a person types them into bash: {@code gmailcli} on {@code PATH} is the
 * packaged launcher, {@code target/gmailcli} is found from the working directory, HOME is a
 * temporary one, and Google is a stand-in. When gmailcli prints a consent URL, a person approves
 * it: their browser reaches the login listener, or, for {@code --no-browser}, they paste the
 * address it ended on. {@code mvn} stands for the build that made {@code target/} and {@code ssh}
 * for the desktop's tunnel (the person reaches the listener directly); both do nothing here.
 */
final class ReadmeShell {
  /** What a command printed and returned. */
  record Result(int exitCode, String out, String err) {}

  private static final Pattern CONSENT_URL = Pattern.compile("https?://\\S+/o/oauth2/auth\\?\\S+");
  private static final String PRELUDE = "set -o pipefail\nmvn() { :; }\nssh() { :; }\n";

  private final GoogleStandIn google;
  private final Path work;
  private final Path home;
  private final Path bin;
  private final List<String> exports = new ArrayList<>();
  // blocking readers and the person each need a thread of their own (not a shared pool's)
  private final Executor threads =
      runnable -> {
        Thread thread = new Thread(runnable, "readme-shell");
        thread.setDaemon(true);
        thread.start();
      };

  ReadmeShell(GoogleStandIn google, Path work) throws IOException {
    this.google = google;
    this.work = work;
    this.home = Files.createDirectories(work.resolve("home/alice"));
    this.bin = Files.createDirectories(work.resolve("bin"));
    Path launcher = Path.of(System.getProperty("gmailcli.launcher", "target/gmailcli"));
    Files.createSymbolicLink(bin.resolve("gmailcli"), launcher.toAbsolutePath());
    Files.createSymbolicLink(work.resolve("target"), launcher.toAbsolutePath().getParent());
  }

  Path home() {
    return home;
  }

  /** Runs one command line; an {@code export} line is kept for the commands after it. */
  Result run(String command) throws IOException, InterruptedException {
    if (command.startsWith("export ")) {
      exports.add(command);
      return new Result(0, "", "");
    }
    String script = PRELUDE + String.join("\n", exports) + "\n" + command + "\n";
    ProcessBuilder builder =
        new ProcessBuilder("bash", "--noprofile", "--norc", "-c", script).directory(work.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment());
    Process process = builder.start();
    boolean pastes = command.contains("--no-browser");
    CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process), threads);
    CompletableFuture<String> err =
        CompletableFuture.supplyAsync(() -> watchStderr(process, pastes), threads);
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("`" + command + "` did not finish within 90 s");
    }
    process.getOutputStream().close();
    return new Result(
        process.exitValue(), new String(out.join(), StandardCharsets.UTF_8), err.join());
  }

  private Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", bin + ":" + Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
    env.put("HOME", home.toString());
    env.put("GMAILCLI_GMAIL_ROOT_URL", google.baseUrl());
    env.put("GMAILCLI_TOKEN_URI", google.baseUrl() + "token");
    env.put("GMAILCLI_REVOKE_URI", google.baseUrl() + "revoke");
    env.put("BROWSER", "true");
    return env;
  }

  private String watchStderr(Process process, boolean pastes) {
    StringBuilder err = new StringBuilder();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        err.append(line).append('\n');
        Matcher consent = CONSENT_URL.matcher(line);
        if (consent.find()) {
          String url = consent.group();
          CompletableFuture.runAsync(
              () -> approve(url, pastes, process.getOutputStream()), threads);
        }
      }
    } catch (IOException e) {
      err.append("(stderr could not be read: ").append(e).append(")\n");
    }
    return err.toString();
  }

  /**
   * The person: approves at the stand-in, then lets the browser go on to the listener, or, with
   * {@code --no-browser} (a browser on another machine, where the address fails to load), pastes
   * the address.
   */
  private static void approve(String consentUrl, boolean pastes, OutputStream stdin) {
    HttpClient browser =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    try {
      String redirect =
          browser
              .send(
                  HttpRequest.newBuilder(URI.create(consentUrl)).build(),
                  HttpResponse.BodyHandlers.discarding())
              .headers()
              .firstValue("Location")
              .orElseThrow();
      if (pastes) {
        stdin.write((redirect + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
      } else {
        browser.send(
            HttpRequest.newBuilder(URI.create(redirect)).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.discarding());
      }
    } catch (IOException e) {
      // gmailcli ended before the person answered: the run's own result says why
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static byte[] readAll(Process process) {
    try {
      return process.getInputStream().readAllBytes();
    } catch (IOException e) {
      return ("(stdout could not be read: " + e + ")").getBytes(StandardCharsets.UTF_8);
    }
  }
}
