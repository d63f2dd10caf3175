package dev.gmailcli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailcli.harness.CliHarness;
import dev.gmailcli.harness.CliRun;
import dev.gmailcli.harness.Golden;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --help} of every command, as golden files: the exit codes must be listed in each. */
class HelpGoldenTest {
  @TempDir Path home;

  @ParameterizedTest
  @ValueSource(strings = {"", "login", "threads", "status", "logout", "completion", "help"})
  void help_matchesGolden_andListsExitCodes(String command) {
    String[] args = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};

    CliRun run = new CliHarness(home).run(args);

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("Exit codes:").contains("3   login needed");
    Golden.assertMatches("help-" + (command.isEmpty() ? "gmailcli" : command) + ".txt", run.out());
  }
}
