package dev.gmailcli.harness;

import dev.gmailcli.platform.Env;
import dev.gmailcli.platform.Terminal;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * An {@link Env} for tests of commands that must not talk to Google: asking for the HTTP transport
 * fails the run, nothing is waited for, no browser opens, no terminal, empty standard input.
 */
public final class OfflineEnv {
  private OfflineEnv() {}

  /** Writes to {@code out} and {@code err}, with {@code HOME} as the only variable. */
  public static Env of(PrintWriter out, PrintWriter err, Path home) {
    return new Env(
        out,
        err,
        new ByteArrayInputStream(new byte[0]),
        Map.of("HOME", home.toString()),
        Clock.systemUTC(),
        () -> {
          throw new AssertionError("no network in this test");
        },
        millis -> {},
        url -> {},
        Terminal.none(),
        home);
  }
}
