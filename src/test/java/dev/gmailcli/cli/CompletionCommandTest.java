package dev.gmailcli.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailcli.harness.CliHarness;
import dev.gmailcli.harness.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code gmailcli completion bash|zsh}: the scripts as printed. What they offer when TAB is pressed
 * is checked in real shells by {@code CompletionInShellsTest}.
 */
class CompletionCommandTest {
  @TempDir Path home;

  @Test
  void bash_isPicoclisScript_withTheProfileFront() {
    CliRun run = new CliHarness(home).run("completion", "bash");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .startsWith("#!/usr/bin/env bash\n")
        .contains("function _complete_gmailcli()", "function _gmailcli_profiles()")
        .endsWith("\ncomplete -F _gmailcli_complete -o default gmailcli\n")
        .doesNotContain("gmailcli.sh", "YOUR_APP_HOME");
    for (Subcommands.Entry entry : Subcommands.ALL) {
      assertThat(run.out()).contains("function _picocli_gmailcli_" + entry.name() + "()");
    }
  }

  @Test
  void zsh_isAnAutoloadableFunction_forEveryCommand() {
    CliRun run = new CliHarness(home).run("completion", "zsh");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .startsWith("#compdef gmailcli\n")
        .contains("'--format=[table, tsv, json or ndjson", ":FORMAT:(table tsv json ndjson)'")
        .contains(":NAME:_gmailcli_profiles'")
        .contains("'(--details --no-details)--no-details[")
        .contains("'*--label=[");
    for (Subcommands.Entry entry : Subcommands.ALL) {
      assertThat(run.out())
          .contains("_gmailcli_cmd_" + entry.name() + "() {")
          .contains("\n        '" + entry.name() + ":");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"bash", "zsh"})
  void enumValues_areOfferedInLowerCase_asHelpSpellsThem(String shell) {
    String script = new CliHarness(home).run("completion", shell).out();

    assertThat(script).doesNotContain("TABLE", "NDJSON").contains("ndjson");
  }

  @Test
  void anotherShell_isAUsageError() {
    CliRun run = new CliHarness(home).run("completion", "fish");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .startsWith("error: Invalid value for positional parameter at index 0 (SHELL):")
        .contains("[bash, zsh]")
        .endsWith("hint: see `gmailcli completion --help`\n");
  }

  @Test
  void noShell_isAUsageError() {
    CliRun run = new CliHarness(home).run("completion");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("error: Missing required parameter: 'SHELL'");
  }
}
