package dev.gmailcli.e2e;

import dev.gmailcli.harness.CliHarness;
import dev.gmailcli.harness.CliRun;
import dev.gmailcli.harness.TestClock;
import dev.gmailcli.harness.TokenFixtures;
import dev.gmailcli.standin.GoogleStandIn;
import java.io.IOException;

/**
 * One row of README's table "Every error gmailcli prints, and what to do", provoked through the
 * real entry point.
 *
 * @param name the golden file's name under golden/errors (without .txt)
 * @param exitCode the exit code the README gives for the row
 * @param readme how the row's message starts in the README (its {@code PATH} and {@code …} parts
 *     left out)
 * @param provoke arranges the stand-in and the HOME, then runs gmailcli
 */
record ErrorScenario(String name, int exitCode, String readme, Provocation provoke) {

  /** Arranges the failure and runs gmailcli once. */
  @FunctionalInterface
  interface Provocation {
    CliRun run(GoogleStandIn google, CliHarness cli) throws Exception;
  }

  static ErrorScenario of(String name, int exitCode, String readme, Provocation provoke) {
    return new ErrorScenario(name, exitCode, readme, provoke);
  }

  /** A saved login whose access token is still valid at the fixed test clock. */
  static CliHarness validLogin(GoogleStandIn google, CliHarness cli) throws IOException {
    return cli.token(TokenFixtures.valid(google, TestClock.NOW));
  }

  /** A saved login whose access token has expired, with this refresh token. */
  static CliHarness expiredLogin(GoogleStandIn google, CliHarness cli, String refreshToken)
      throws IOException {
    return cli.token(TokenFixtures.expired(google, TestClock.NOW, refreshToken));
  }

  /** A saved login whose access token has expired, with a good refresh token. */
  static CliHarness expiredLogin(GoogleStandIn google, CliHarness cli) throws IOException {
    return expiredLogin(google, cli, google.seedRefreshToken(TokenFixtures.READONLY));
  }

  @Override
  public String toString() {
    return name;
  }
}
