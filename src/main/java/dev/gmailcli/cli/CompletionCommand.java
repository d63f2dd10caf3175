package dev.gmailcli.cli;

import dev.gmailcli.platform.Env;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Parameters;

/** {@code gmailcli completion bash|zsh}. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print a shell completion script: commands, options, --format values, and at --profile the"
          + " profiles that have a login.",
      "bash: add `source <(gmailcli completion bash)` to ~/.bashrc.",
      "zsh: save the script as _gmailcli in a directory of $fpath (before compinit runs)."
    })
final class CompletionCommand implements Callable<Integer> {
  /** The shells gmailcli completes in. */
  enum Shell {
    bash,
    zsh
  }

  private final Env env;

  @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
  Shell shell;

  CompletionCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    CommandLine cli = commandTree(env);
    env.out().print(shell == Shell.bash ? BashCompletion.script(cli) : ZshCompletion.script(cli));
    return 0;
  }

  /**
   * gmailcli with every subcommand (a run registers only the one it invokes), and the values the
   * scripts offer: those of enum options in lower case, as --help spells them (parsing ignores
   * their case), and at {@code help} the commands beside the topics.
   */
  static CommandLine commandTree(Env env) {
    CommandLine cli = Cli.create(env);
    offerValues(cli);
    return cli;
  }

  private static void offerValues(CommandLine cli) {
    CommandSpec spec = cli.getCommandSpec();
    for (ArgSpec arg : new ArrayList<>(spec.args())) {
      List<String> values = new ArrayList<>();
      if (spec.helpCommand() && !arg.isOption()) {
        values.addAll(cli.getParent().getSubcommands().keySet());
        values.remove(cli.getCommandName());
      } else if (!arg.typeInfo().isEnum()) {
        continue;
      }
      if (arg.completionCandidates() != null) {
        arg.completionCandidates().forEach(v -> values.add(v.toLowerCase(Locale.ROOT)));
      }
      spec.remove(arg);
      if (arg instanceof OptionSpec option) {
        spec.addOption(option.toBuilder().completionCandidates(values).build());
      } else {
        spec.addPositional(
            ((PositionalParamSpec) arg).toBuilder().completionCandidates(values).build());
      }
    }
    cli.getSubcommands().values().forEach(CompletionCommand::offerValues);
  }
}
