package dev.gmailcli.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files of real CLI output under src/test/resources/golden. Run the tests with {@code
 * -Dgolden.update=true} to rewrite them after an intended change, then review the diff.
 */
public final class Golden {
  private static final Path DIR = Path.of("src", "test", "resources", "golden");

  private Golden() {}

  /** Asserts {@code actual} equals the golden file {@code name} (after scrubbing). */
  public static void assertMatches(String name, String actual) {
    Path file = DIR.resolve(name);
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      assertThat(Files.exists(file))
          .as("golden file %s exists (create it with -Dgolden.update=true)", file)
          .isTrue();
      assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Replaces what changes from run to run: loopback ports, the temporary HOME, OAuth {@code state}
   * / PKCE {@code code_challenge} values, and the attempts made and seconds spent waiting between
   * retries (their backoff has random jitter, and a listing retries until 60 s pass without
   * progress).
   */
  public static String scrub(String text, Path home) {
    String result = text;
    if (home != null) {
      result = result.replace(home.toString(), "$HOME");
    }
    return result
        .replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT")
        .replaceAll("127\\.0\\.0\\.1%3A\\d+", "127.0.0.1%3APORT")
        .replaceAll("([?&]state=)[A-Za-z0-9_-]+", "$1STATE")
        .replaceAll("([?&]code_challenge=)[A-Za-z0-9_-]+", "$1CHALLENGE")
        .replaceAll(
            "gave up after \\d+ attempts? over \\d+ s", "gave up after N attempts over N s");
  }
}
