package dev.gmailcli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailcli.harness.CliHarness;
import dev.gmailcli.harness.CliRun;
import dev.gmailcli.harness.Golden;
import dev.gmailcli.harness.WithGoogleStandIn;
import dev.gmailcli.standin.GoogleStandIn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error of README's table "Every error gmailcli prints, and what to do", as a golden file of
 * its exit code and exact stderr (scrubbed: ports, the temporary HOME, state and PKCE values,
 * seconds waited between retries). Rewrite them with {@code -Dgolden.update=true}.
 *
 * <p>Every row is provoked, some in more than one way where the row names several messages; the
 * "unexpected internal error" comes from a Gmail answer the client library cannot parse, and the
 * unreadable token.json from a link to a write-only kernel file when the tests run as root.
 */
@WithGoogleStandIn
class ErrorGoldenTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource({
    "dev.gmailcli.e2e.LoginErrorScenarios#scenarios",
    "dev.gmailcli.e2e.FileErrorScenarios#scenarios",
    "dev.gmailcli.e2e.GoogleErrorScenarios#scenarios",
    "dev.gmailcli.e2e.UnattendedErrorScenarios#scenarios",
    "dev.gmailcli.e2e.AccountErrorScenarios#scenarios",
    "dev.gmailcli.e2e.NewThreadsErrorScenarios#scenarios"
  })
  void error_exitsAsTheReadmeSays_withTheGoldenStderr(
      ErrorScenario scenario, GoogleStandIn google, CliHarness cli) throws Exception {
    CliRun run = scenario.provoke().run(google, cli);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(scenario.exitCode());
    assertThat(run.out()).isEmpty();
    String err = Golden.scrub(run.err(), cli.home());
    assertThat("\n" + err)
        .contains("\nerror: " + scenario.readme())
        .containsPattern("\nhint: .+\n$");
    Golden.assertMatches(
        "errors/" + scenario.name() + ".txt", "exit " + run.exitCode() + "\n" + err);
  }
}
