package dev.gmailcli.build;

import dev.gmailcli.harness.TokenFixtures;
import dev.gmailcli.standin.GoogleStandIn;
import dev.gmailcli.standin.SelfSignedTls;
import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Run by {@code mvn package} (not a test): makes the class-data archive next to the packaged jar
 * with one real {@code gmailcli threads} run through the launcher, against a Google stand-in that
 * speaks HTTPS, with a valid token, as most cron runs have (every class in the archive costs every
 * run memory, so it holds what a typical run uses). The launcher does the training itself, as on a
 * user's first run; this only points it at the jar's directory. Anything that goes wrong means no
 * archive, never a failed build.
 *
 * <pre>java -cp test-classpath dev.gmailcli.build.TrainArchive target/gmailcli</pre>
 */
public final class TrainArchive {
  private TrainArchive() {}

  public static void main(String[] args) {
    try {
      Path launcher = Path.of(args[0]).toAbsolutePath();
      System.out.println(train(launcher));
    } catch (Exception | Error e) {
      System.out.println("no class-data archive made: " + e);
    }
  }

  private static String train(Path launcher) throws Exception {
    Path dir = launcher.getParent();
    removeOldArchives(dir);
    Path work = Files.createTempDirectory("gmailcli-train");
    Path javaHome = Path.of(System.getProperty("java.home"));
    try {
      SelfSignedTls tls = SelfSignedTls.create(work, javaHome);
      try (GoogleStandIn google = GoogleStandIn.start(tls.serverContext())) {
        google.mailbox().generate(5);
        Path config = work.resolve("home/.config/gmailcli");
        Files.createDirectories(config);
        Files.writeString(config.resolve("credentials.json"), google.credentialsJson());
        Files.writeString(config.resolve("token.json"), TokenFixtures.valid(google, Instant.now()));

        ProcessBuilder builder =
            new ProcessBuilder(launcher.toString(), "threads", "--max", "5", "--format", "json")
                .directory(work.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("GMAILCLI_") || name.startsWith("XDG_"));
        env.put("HOME", work.resolve("home").toString());
        env.put("JAVA_HOME", javaHome.toString());
        env.put("GMAILCLI_CACHE_DIR", dir.toString());
        env.put("GMAILCLI_JAVA_OPTS", "-Djavax.net.ssl.trustStore=" + tls.trustStore());
        env.put("GMAILCLI_GMAIL_ROOT_URL", google.baseUrl());
        env.put("GMAILCLI_TOKEN_URI", google.tokenUri());
        env.put("GMAILCLI_REVOKE_URI", google.revokeUri());
        Process process = builder.start();
        if (!process.waitFor(150, TimeUnit.SECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
          return "no class-data archive made: the training run took too long";
        }
        List<Path> made = archives(dir);
        return made.isEmpty()
            ? "no class-data archive made (exit " + process.exitValue() + ")"
            : "class-data archive: " + made.get(0).getFileName();
      }
    } finally {
      deleteTree(work);
    }
  }

  // archives of earlier builds, and what an earlier training left (.failed, .tmp…, .lock)
  private static void removeOldArchives(Path dir) throws IOException {
    for (Path old : list(dir, "gmailcli-*.{jsa,aot}*")) {
      Files.deleteIfExists(old);
    }
  }

  private static List<Path> archives(Path dir) throws IOException {
    return list(dir, "gmailcli-*.{jsa,aot}");
  }

  private static List<Path> list(Path dir, String glob) throws IOException {
    List<Path> paths = new ArrayList<>();
    try (DirectoryStream<Path> found = Files.newDirectoryStream(dir, glob)) {
      found.forEach(paths::add);
    }
    return paths;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
