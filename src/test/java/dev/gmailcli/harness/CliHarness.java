package dev.gmailcli.harness;

import com.google.api.client.http.HttpTransport;
import dev.gmailcli.cli.Cli;
import dev.gmailcli.platform.BrowserOpener;
import dev.gmailcli.platform.Env;
import dev.gmailcli.platform.HttpStack;
import dev.gmailcli.platform.Terminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs gmailcli through its real entry point ({@link Cli#run}) in a temporary HOME, with the
 * environment, clock (by default {@link TestClock#FIXED}), browser and terminal a test chooses. The
 * Google endpoints point at a stand-in when {@link #google} is given.
 */
public final class CliHarness {
  private final Path home;
  private final Map<String, String> env = new HashMap<>();
  private Clock clock = TestClock.FIXED;
  private HttpTransport transport;
  private BrowserOpener browser =
      url -> {
        throw new AssertionError("the browser must not be opened in this test: " + url);
      };
  private Terminal terminal = Terminal.none();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private Writer outSink;
  private InputStream stdin = InputStream.nullInputStream();
  private Consumer<String> errLines = line -> {};

  /**
   * @param home a temporary directory used as $HOME
   */
  public CliHarness(Path home) {
    this.home = home;
    env.put("HOME", home.toString());
    env.put("PATH", "/usr/bin:/bin");
  }

  /** Points gmailcli at a Google stand-in. */
  public CliHarness google(String baseUrl) {
    env.put("GMAILCLI_GMAIL_ROOT_URL", baseUrl);
    env.put("GMAILCLI_TOKEN_URI", baseUrl + "token");
    env.put("GMAILCLI_REVOKE_URI", baseUrl + "revoke");
    return this;
  }

  public CliHarness env(String name, String value) {
    if (value == null) {
      env.remove(name);
    } else {
      env.put(name, value);
    }
    return this;
  }

  public CliHarness clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  public CliHarness transport(HttpTransport transport) {
    this.transport = transport;
    return this;
  }

  public CliHarness browser(BrowserOpener browser) {
    this.browser = browser;
    return this;
  }

  public CliHarness terminal(Terminal terminal) {
    this.terminal = terminal;
    return this;
  }

  /** A person at an 80-column terminal (stdin, stdout and stderr are terminals). */
  public CliHarness interactive() {
    return terminal(new Terminal(true, true, true, 80));
  }

  /** Sends stdout to {@code writer} instead of capturing it (e.g. to simulate a closed pipe). */
  public CliHarness out(Writer writer) {
    this.outSink = writer;
    return this;
  }

  /** What gmailcli reads on stdin (default: nothing, at once end of file). */
  public CliHarness stdin(InputStream in) {
    this.stdin = in;
    return this;
  }

  /** Also hands each line gmailcli writes to stderr to {@code observer}, as it is written. */
  public CliHarness watchErr(Consumer<String> observer) {
    this.errLines = observer;
    return this;
  }

  public RecordingSleeper sleeper() {
    return sleeper;
  }

  public Path home() {
    return home;
  }

  /** gmailcli's directory under this HOME: ~/.config/gmailcli. */
  public Path configDir() {
    return home.resolve(".config").resolve("gmailcli");
  }

  /** Where the cursors of {@code threads --new} live under this HOME. */
  public Path cursorsDir() {
    return home.resolve(".local").resolve("state").resolve("gmailcli").resolve("cursors");
  }

  public Path tokenPath() {
    return configDir().resolve("token.json");
  }

  public Path credentialsPath() {
    return configDir().resolve("credentials.json");
  }

  /** Writes credentials.json where gmailcli looks by default. */
  public CliHarness credentials(String json) throws IOException {
    Files.createDirectories(configDir());
    Files.writeString(credentialsPath(), json);
    return this;
  }

  /** Writes token.json where gmailcli looks by default, private (0600) as a login saves it. */
  public CliHarness token(String json) throws IOException {
    Files.createDirectories(configDir());
    Files.writeString(tokenPath(), json);
    Files.setPosixFilePermissions(tokenPath(), PosixFilePermissions.fromString("rw-------"));
    return this;
  }

  /** Runs {@code gmailcli args…}. */
  public CliRun run(String... args) {
    StringWriter out = new StringWriter();
    LineTee err = new LineTee(errLines);
    Env environment =
        new Env(
            new PrintWriter(outSink != null ? outSink : out, true),
            new PrintWriter(err, true),
            stdin,
            Map.copyOf(env),
            clock,
            // as the process makes it: through the proxies the environment names, if any
            transport != null ? () -> transport : HttpStack.forEnvironment(env),
            sleeper,
            browser,
            terminal,
            home);
    int code = Cli.run(environment, args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
