package dev.gmailcli.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailcli.ExitCode;
import dev.gmailcli.harness.CliHarness;
import dev.gmailcli.harness.CliRun;
import dev.gmailcli.harness.Golden;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gmailcli help}: topics that are parts of --help, and the help of every command. */
class HelpCommandTest {
  @TempDir Path home;

  @ParameterizedTest
  @EnumSource(HelpCommand.Topic.class)
  void topic_isThatPartOfTheRootsHelp_asAGolden(HelpCommand.Topic topic) {
    CliRun run = new CliHarness(home).run("help", topic.topicName());
    String rootHelp = new CliHarness(home).run("--help").out();

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(rootHelp).contains("\n" + run.out());
    Golden.assertMatches("help-topic-" + topic.topicName() + ".txt", run.out());
  }

  @Test
  void exitCodes_listsEveryCode() {
    String out = new CliHarness(home).run("help", "exit-codes").out();

    assertThat(out).startsWith("Exit codes:\n");
    for (ExitCode code : ExitCode.values()) {
      assertThat(out).contains("  " + code.code() + "   " + code.meaning().split(" ")[0]);
    }
  }

  @Test
  void environment_namesTheVariables() {
    String out = new CliHarness(home).run("help", "environment").out();

    assertThat(out).startsWith("Environment:\n").contains("  GMAILCLI_HOME ", "  XDG_STATE_HOME");
  }

  @ParameterizedTest
  @ValueSource(strings = {"login", "threads", "status", "logout", "completion"})
  void helpOfACommand_isItsHelp(String command) {
    CliRun help = new CliHarness(home).run("help", command);

    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).isEqualTo(new CliHarness(home).run(command, "--help").out());
  }

  @Test
  void helpAlone_isTheRootsHelp() {
    assertThat(new CliHarness(home).run("help").out())
        .isEqualTo(new CliHarness(home).run("--help").out());
  }

  @Test
  void unknownName_isAUsageError() {
    CliRun run = new CliHarness(home).run("help", "bogus");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo("error: Unknown command or topic 'bogus'.\nhint: see `gmailcli --help`\n");
  }

  @Test
  void everyTopic_isNamedWhereHelpIsDescribed() {
    Command command = HelpCommand.class.getAnnotation(Command.class);
    String parameter = parameterDescription();
    for (HelpCommand.Topic topic : HelpCommand.Topic.values()) {
      assertThat(command.header()[0]).contains(topic.topicName());
      assertThat(String.join(" ", command.description())).contains(topic.topicName());
      assertThat(parameter).contains(topic.topicName());
    }
  }

  private static String parameterDescription() {
    try {
      return String.join(
          " ",
          HelpCommand.class.getDeclaredField("name").getAnnotation(Parameters.class).description());
    } catch (NoSuchFieldException e) {
      throw new AssertionError(e);
    }
  }
}
