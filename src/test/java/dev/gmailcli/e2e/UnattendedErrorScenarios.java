package dev.gmailcli.e2e;

import static dev.gmailcli.e2e.ErrorScenario.expiredLogin;
import static dev.gmailcli.e2e.ErrorScenario.of;

import dev.gmailcli.harness.CliHarness;
import dev.gmailcli.harness.TestClock;
import dev.gmailcli.harness.TokenFixtures;
import dev.gmailcli.standin.GoogleStandIn;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * The README's rows for what unattended runs meet: logins Google stopped accepting (each cause with
 * its own message), a clock far from Google's, token files that are not files, and another run
 * holding the token's lock.
 */
final class UnattendedErrorScenarios {
  private UnattendedErrorScenarios() {}

  static Stream<ErrorScenario> scenarios() {
    return Stream.of(
        of(
            "testing-app-login-expired",
            3,
            "the saved login is no longer valid: Google answered invalid_grant (Token has been"
                + " expired or revoked.) when asked to refresh the access token; the login is 7"
                + " days old",
            (google, cli) -> {
              String refresh = google.seedRefreshToken(TokenFixtures.READONLY);
              google.revoke(refresh);
              String token = TokenFixtures.expired(google, TestClock.NOW, refresh);
              String loginTime = TestClock.NOW.minus(Duration.ofDays(7)).toString();
              return cli.token(
                      token.replace(
                          "\"account\": \"\"",
                          "\"account\": \"\", \"gmailcli_login_time\": \"" + loginTime + "\""))
                  .run("threads");
            }),
        tokenEndpoint(
            "reauthentication-required",
            3,
            "Google wants you to sign in again (invalid_rapt)",
            "{\"error\": \"invalid_grant\", \"error_description\": \"reauth related error"
                + " (invalid_rapt)\", \"error_uri\": \"https://support.google.com/a/answer/9368756\","
                + " \"error_subtype\": \"invalid_rapt\"}"),
        tokenEndpoint(
            "client-not-authorized",
            3,
            "Google does not let this OAuth client refresh the access token (unauthorized_client)",
            "{\"error\": \"unauthorized_client\", \"error_description\": \"Unauthorized\"}"),
        of(
            "clock-far-from-googles",
            4,
            "this computer's clock is 90 min behind Google's, and Google refused to refresh the"
                + " access token",
            (google, cli) -> {
              google.failNext(
                  "/token",
                  1,
                  400,
                  "{\"error\": \"invalid_grant\", \"error_description\": \"Invalid JWT: Token must"
                      + " be a short-lived token (60 minutes) and in a reasonable timeframe. Check"
                      + " your iat and exp values in the JWT claim.\"}");
              Clock behind =
                  Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-90).minusSeconds(20));
              return expiredLogin(google, cli).clock(behind).run("threads");
            }),
        of(
            "token-is-a-fifo",
            4,
            "cannot use $HOME/pipe.json: it is a FIFO (named pipe), not a file",
            (google, cli) -> {
              Path fifo = cli.home().resolve("pipe.json");
              Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
              if (mkfifo.waitFor() != 0) {
                throw new IOException("mkfifo failed");
              }
              return cli.run("threads", "--token", fifo.toString());
            }),
        of(
            "token-is-a-directory",
            4,
            "cannot use $HOME: it is a directory, not a file",
            (google, cli) -> cli.run("status", "--token", cli.home().toString())),
        of(
            "token-is-a-device",
            4,
            "cannot use /dev/null: it is a character device, not a file",
            (google, cli) -> cli.run("threads", "--token", "/dev/null")),
        of(
            "token-too-large",
            4,
            "cannot use $HOME/huge.json: it is larger than 1 MiB (2097152 bytes)",
            (google, cli) -> {
              Path huge = cli.home().resolve("huge.json");
              Files.write(huge, new byte[2 << 20]);
              return cli.run("threads", "--token", huge.toString());
            }),
        of(
            "token-lock-held",
            5,
            "another gmailcli is refreshing the login in $HOME/.config/gmailcli/token.json and has"
                + " held $HOME/.config/gmailcli/token.json.lock for over 30 s",
            (google, cli) -> {
              expiredLogin(google, cli);
              Path lock = cli.tokenPath().resolveSibling("token.json.lock");
              try (FileChannel channel =
                      FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                  FileLock held = channel.lock()) {
                return cli.run("threads");
              }
            }),
        of(
            "no-input-and-no-login",
            3,
            "not logged in — run `gmailcli login` (no saved login at"
                + " $HOME/.config/gmailcli/token.json)",
            (google, cli) -> cli.interactive().run("threads", "--no-input")));
  }

  private static ErrorScenario tokenEndpoint(
      String name, int exitCode, String readme, String body) {
    return of(
        name,
        exitCode,
        readme,
        (GoogleStandIn google, CliHarness cli) -> {
          google.failNext("/token", 1, 400, body);
          return expiredLogin(google, cli).run("threads");
        });
  }
}
