package dev.gmailcli.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailcli.harness.OfflineEnv;
import dev.gmailcli.harness.TokenFixtures;
import dev.gmailcli.platform.Env;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

class SubcommandsTest {
  @TempDir Path home;

  @Test
  void everyRootOption_isKnown_soThatItNeverHidesTheSubcommand() {
    CommandLine root = new CommandLine(new GmailCliCommand(null));
    for (OptionSpec option : root.getCommandSpec().options()) {
      if (option.scopeType() != ScopeType.INHERIT) {
        continue; // --help and --version are the root's own
      }
      for (String name : option.names()) {
        String line = (option.arity().max() > 0 ? name + " x" : name) + " threads";
        assertThat(Subcommands.invoked(line.split(" "))).as(line).isEqualTo("threads");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "threads",
        "threads --max 5 --format json",
        "-v threads",
        "--verbose --token t.json threads --max 2",
        "--token=t.json --credentials c.json threads",
        "--profile work --no-input threads",
        "--service-account k.json --subject a@b.example --token-readonly threads",
        "threads --help",
        "threads help"
      })
  void aCertainSubcommand_isTheOnlyOneRegistered(String line) {
    assertThat(Subcommands.invoked(line.split(" "))).isEqualTo("threads");
    assertThat(Subcommands.neededFor(line.split(" ")))
        .extracting(Subcommands.Entry::name)
        .containsExactly("threads");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "--help",
        "--help threads",
        "-h threads",
        "-V threads",
        "--version threads",
        "-vh threads",
        "help threads",
        "thread",
        "@args.txt",
        "--token",
        "--token -v threads",
        "--token @file threads",
        "-- threads",
        "--bogus threads"
      })
  void anythingUncertain_registersEverySubcommand(String line) {
    String[] args = line.isEmpty() ? new String[0] : line.split(" ");

    assertThat(Subcommands.neededFor(args)).isEqualTo(Subcommands.ALL);
  }

  @Test
  void network_isPreparedOnlyForCommandsThatAlwaysUseIt() {
    assertThat(Subcommands.useNetwork("threads", "--max", "5")).isTrue();
    assertThat(Subcommands.useNetwork("--token", "t.json", "login")).isTrue();
    assertThat(Subcommands.useNetwork("logout")).isTrue();
    assertThat(Subcommands.useNetwork("status")).isFalse();
    assertThat(Subcommands.useNetwork("completion", "bash")).isFalse();
    assertThat(Subcommands.useNetwork("--help")).isFalse();
    assertThat(Subcommands.useNetwork("--version")).isFalse();
    assertThat(Subcommands.useNetwork("help", "threads")).isFalse();
    assertThat(Subcommands.useNetwork("threads", "--help")).isFalse();
    assertThat(Subcommands.useNetwork("login", "-h")).isFalse();
    assertThat(Subcommands.useNetwork("threads", "--query", "--", "--help")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"login", "threads", "status", "logout"})
  void subcommandVersion_isGmailclis(String command) {
    String root = run(Subcommands.ALL, "--version");

    assertThat(root).startsWith("0\n--- out\ngmailcli ");
    assertThat(run(Subcommands.neededFor(command, "--version"), command, "--version"))
        .isEqualTo(root);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--version", "-V"})
  void versionAlone_registersNoSubcommand(String arg) {
    assertThat(Subcommands.neededFor(arg)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "--help",
        "-h",
        "--version",
        "-V",
        "--version threads",
        "threads --help",
        "threads --bogus",
        "threads --max 0",
        "threads --format xml",
        "thread",
        "status --format xml",
        "-v status --format json",
        "--token=missing.json status",
        "login --port x",
        "logout extra",
        "help threads",
        "--help threads",
        "help exit-codes",
        "help bogus",
        "completion zsh",
        "completion fish"
      })
  void output_isTheSameAsWithEverySubcommandRegistered(String line) {
    String[] args = line.isEmpty() ? new String[0] : line.split(" ");

    String lean = run(Subcommands.neededFor(args), args);
    String full = run(Subcommands.ALL, args);

    assertThat(lean).isEqualTo(full);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--help",
        "--version",
        "status",
        "status --format json",
        "help status",
        "help environment",
        "completion bash",
        "completion zsh"
      })
  void commandsWithoutNetwork_neverMakeTheTransport(String line) throws Exception {
    Path token = home.resolve(".config/gmailcli/token.json");
    Files.createDirectories(token.getParent());
    Files.writeString(
        token,
        TokenFixtures.python(
            "ya29.fake",
            "1//fake",
            Instant.now().plusSeconds(3000),
            List.of(TokenFixtures.READONLY),
            "https://oauth2.googleapis.com/token"));
    String[] args = line.split(" ");

    // the network supplier fails the run (exit 1) if anything asks for the transport
    assertThat(run(Subcommands.neededFor(args), args)).startsWith("0\n");
  }

  private String run(List<Subcommands.Entry> subcommands, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Env env = OfflineEnv.of(new PrintWriter(out, true), new PrintWriter(err, true), home);
    int code = Cli.run(env, subcommands, args);
    return code + "\n--- out\n" + out + "--- err\n" + err;
  }
}
