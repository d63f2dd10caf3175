package dev.gmailcli.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The zsh completion script, native ({@code _arguments}, {@code _describe}) rather than picocli's
 * bash script under bashcompinit: descriptions beside options and commands, and it works when
 * autoloaded from {@code $fpath} on the first TAB as well as when sourced.
 */
final class ZshCompletion {
  private static final String HEADER =
      """
      #compdef gmailcli
      # zsh completion for gmailcli, printed by `gmailcli completion zsh`.
      # Install: save it as _gmailcli in a directory of $fpath before compinit runs, e.g.
      #   fpath=(~/.local/share/zsh/site-functions $fpath)   (in ~/.zshrc, before compinit)
      # or, after compinit: source <(gmailcli completion zsh)

      # --profile NAME: the profiles under GMAILCLI_HOME/profiles that have a login (token.json);
      # GMAILCLI_HOME as gmailcli resolves it (blank is unset, a relative XDG_CONFIG_HOME ignored)
      _gmailcli_profiles() {
        setopt localoptions extendedglob
        local home=${GMAILCLI_HOME-}
        local -a names
        if [[ -z ${home//[[:space:]]/} ]]; then
          if [[ ${XDG_CONFIG_HOME-} == /* ]]; then
            home=$XDG_CONFIG_HOME/gmailcli
          else
            home=$HOME/.config/gmailcli
          fi
        fi
        names=(${home}/profiles/*/token.json(N-.:h:t))
        names=(${(M)names:#[A-Za-z0-9._-](#c1,64)})
        names=(${names:#(.|..)})
        _wanted profiles expl profile compadd -a names
      }
      """;

  // %s: the root's options, the commands with their descriptions, the call of each one's function
  private static final String ROOT =
      """
      _gmailcli() {
        local curcontext=$curcontext state line ret=1
        typeset -A opt_args
        _arguments -C -s -S : \\
      %s    '1: :->command' \\
          '*:: :->argument' && return
        case $state in
          command)
            local -a commands=(
      %s      )
            _describe -t commands 'gmailcli command' commands && ret=0
            ;;
          argument)
            curcontext=${curcontext%%:*:*}:gmailcli-$words[1]:
            case $words[1] in
      %s      esac
            ;;
        esac
        return ret
      }
      """;

  private static final String FOOTER =
      """

      # autoloaded from $fpath, this file is the body of _gmailcli: it defines the functions,
      # then completes; sourced, it registers _gmailcli
      if [[ ${funcstack[1]-} == _gmailcli ]]; then
        _gmailcli "$@"
      else
        compdef _gmailcli gmailcli
      fi
      """;

  private ZshCompletion() {}

  static String script(CommandLine cli) {
    StringBuilder script = new StringBuilder(HEADER);
    for (CommandLine sub : cli.getSubcommands().values()) {
      script.append('\n').append(function(sub));
    }
    script.append('\n').append(root(cli));
    return script.append(FOOTER).toString();
  }

  private static String root(CommandLine cli) {
    StringBuilder options = new StringBuilder();
    options(cli.getCommandSpec()).forEach(spec -> options.append("    " + spec + " \\\n"));
    StringBuilder commands = new StringBuilder();
    StringBuilder calls = new StringBuilder();
    for (CommandLine sub : cli.getSubcommands().values()) {
      String name = sub.getCommandName();
      commands.append("        " + quote(name + ":" + summary(sub.getCommandSpec())) + "\n");
      calls.append("        " + name + ") " + functionName(name) + " && ret=0 ;;\n");
    }
    return ROOT.formatted(options, commands, calls);
  }

  private static String function(CommandLine sub) {
    CommandSpec spec = sub.getCommandSpec();
    List<String> specs = options(spec);
    for (PositionalParamSpec positional : spec.positionalParameters()) {
      if (positional.hidden()) {
        continue;
      }
      String label = escape(positional.paramLabel(), ":");
      String index = positional.index().isVariable() ? "*" : positional.index().min() + 1 + "";
      specs.add(quote(index + ":" + label + ":" + action(positional)));
    }
    StringBuilder f = new StringBuilder(functionName(sub.getCommandName()) + "() {\n");
    f.append("  _arguments -s -S :");
    for (String s : specs) {
      f.append(" \\\n    ").append(s);
    }
    return f.append("\n}\n").toString();
  }

  private static List<String> options(CommandSpec spec) {
    List<String> specs = new ArrayList<>();
    for (OptionSpec option : spec.options()) {
      if (option.hidden()) {
        continue;
      }
      List<String> names = new ArrayList<>(List.of(option.names()));
      if (option.negatable()) {
        CommandLine.INegatableOptionTransformer negate =
            spec.commandLine().getNegatableOptionTransformer();
        for (String name : option.names()) {
          names.add(negate.makeNegative(name, spec));
        }
      }
      // after --help nothing else; a repeatable option again; else one of its names once
      String exclusion =
          option.usageHelp() || option.versionHelp()
              ? "(- *)"
              : option.isMultiValue()
                  ? "*"
                  : names.size() > 1 ? "(" + String.join(" ", names) + ")" : "";
      boolean takesValue = option.arity().max() > 0;
      String value =
          takesValue ? ":" + escape(option.paramLabel(), ":") + ":" + action(option) : "";
      String description = "[" + escape(firstSentence(option.description()), "[]") + "]";
      for (String name : names) {
        String suffix = !takesValue ? "" : name.startsWith("--") ? "=" : "+";
        specs.add(quote(exclusion + name + suffix + description + value));
      }
    }
    return specs;
  }

  // how a value is completed: from its values, with the profiles, with files, or not at all
  private static String action(ArgSpec arg) {
    List<String> values = new ArrayList<>();
    if (arg.completionCandidates() != null) {
      arg.completionCandidates().forEach(v -> values.add(escape(v, " ()")));
    }
    Class<?> type = arg.typeInfo().getType();
    if (!values.isEmpty()) {
      return "(" + String.join(" ", values) + ")";
    } else if (arg instanceof OptionSpec option && List.of(option.names()).contains("--profile")) {
      return "_gmailcli_profiles";
    } else if (Path.class.isAssignableFrom(type) || type == File.class) {
      return "_files";
    }
    return " "; // a message, no matches
  }

  private static String summary(CommandSpec spec) {
    String[] header = spec.usageMessage().header();
    return firstSentence(header.length > 0 ? header : spec.usageMessage().description());
  }

  // the first sentence of the first line, without its full stop: a listing shows one line each
  private static String firstSentence(String[] lines) {
    String line = lines.length == 0 ? "" : lines[0].replace("%n", "").strip();
    for (int end = line.indexOf(". "); end >= 0; end = line.indexOf(". ", end + 1)) {
      if (!line.startsWith("e.g", end - 3) && !line.startsWith("i.e", end - 3)) {
        line = line.substring(0, end);
        break;
      }
    }
    return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
  }

  private static String functionName(String command) {
    return "_gmailcli_cmd_" + command.replace('-', '_');
  }

  private static String escape(String text, String special) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '\\' || special.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  // one single-quoted zsh word
  private static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
