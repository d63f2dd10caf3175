package dev.gmailcli.e2e;

import static dev.gmailcli.e2e.ErrorScenario.of;

import dev.gmailcli.harness.CliHarness;
import dev.gmailcli.harness.TestBrowser;
import dev.gmailcli.harness.TestClock;
import dev.gmailcli.harness.TokenFixtures;
import dev.gmailcli.standin.GoogleStandIn;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.opentest4j.TestAbortedException;

/** The README's exit-4 rows: credentials.json, token.json or the login port is unusable. */
final class FileErrorScenarios {
  /**
   * A kernel file that refuses reads even to root (it is write-only): a token.json linked to it
   * cannot be read by anyone, which a mode of 000 cannot achieve when the tests run as root.
   */
  static final Path UNREADABLE_EVEN_FOR_ROOT = Path.of("/proc/sys/vm/drop_caches");

  private FileErrorScenarios() {}

  static Stream<ErrorScenario> scenarios() {
    return Stream.of(
        of(
            "credentials-missing",
            4,
            "OAuth client file not found: $HOME/.config/gmailcli/credentials.json",
            (google, cli) -> cli.interactive().run("login")),
        credentials("credentials-not-json", "{\"installed\": ", "is not valid JSON"),
        credentials(
            "credentials-not-an-oauth-client",
            "{\"type\": \"service_account\", \"private_key\": \"fake-key\"}",
            "is not an OAuth client file"),
        credentials(
            "credentials-lack-client-id",
            "{\"installed\": {\"client_secret\": \"fake-secret\"}}",
            "lacks client_id"),
        of(
            "token-unreadable",
            4,
            "cannot read $HOME/.config/gmailcli/token.json: permission denied",
            (google, cli) -> unreadableToken(cli).run("threads")),
        token("token-not-json", "{\"token\": \"abc\", \"refresh_token\": ", "it is not valid JSON"),
        token(
            "token-field-not-a-string",
            "{\"token\": \"abc\", \"refresh_token\": 42}",
            "its \"refresh_token\" is not a string"),
        of(
            "token-lacks-client-id",
            4,
            "cannot use $HOME/.config/gmailcli/token.json: it has no \"client_id\"",
            (google, cli) -> {
              String token = TokenFixtures.valid(google, TestClock.NOW);
              String withoutClient =
                  token.replace("\"client_id\": \"" + GoogleStandIn.CLIENT_ID + "\", ", "");
              return cli.token(withoutClient).run("threads");
            }),
        of(
            "token-cannot-be-saved",
            4,
            "cannot save the login to $HOME/blocked/token.json: ",
            (google, cli) -> {
              // a file stands where the token's directory would go
              Files.writeString(cli.home().resolve("blocked"), "not a directory");
              return LoginErrorScenarios.login(
                  google,
                  cli,
                  TestBrowser.following(),
                  "--token",
                  cli.home().resolve("blocked/token.json").toString());
            }),
        of(
            "login-port-in-use",
            4,
            "cannot listen on 127.0.0.1:PORT for the login redirect: the port is in use",
            (google, cli) -> {
              try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return LoginErrorScenarios.login(
                    google,
                    cli,
                    TestBrowser.following(),
                    "--port",
                    String.valueOf(taken.getLocalPort()));
              }
            }));
  }

  private static ErrorScenario credentials(String name, String json, String problem) {
    return of(
        name,
        4,
        "$HOME/.config/gmailcli/credentials.json " + problem,
        (google, cli) -> cli.credentials(json).interactive().run("login"));
  }

  private static ErrorScenario token(String name, String json, String problem) {
    return of(
        name,
        4,
        "cannot use $HOME/.config/gmailcli/token.json: " + problem,
        (google, cli) -> cli.token(json).run("threads"));
  }

  /** token.json exists but cannot be read: mode 000, or for root a link to a write-only file. */
  private static CliHarness unreadableToken(CliHarness cli) throws IOException {
    Path token = cli.token("{}").tokenPath();
    Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("---------"));
    if (Files.isReadable(token)) {
      Files.delete(token);
      if (!Files.exists(UNREADABLE_EVEN_FOR_ROOT)) {
        throw new TestAbortedException("root reads any file here, and there is no write-only one");
      }
      Files.createSymbolicLink(token, UNREADABLE_EVEN_FOR_ROOT);
    }
    return cli;
  }
}
