package dev.gmailcli.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * gmailcli's subcommands, in the order {@code --help} lists them, and which of them one command
 * line needs. Each subcommand registered costs picocli a millisecond or two (a command line of its
 * own, with its own converters), so a run registers only the subcommand it invokes (and {@code
 * gmailcli --version} none). When that is not certain (root options other than the global ones,
 * {@code help}, an unknown name, an {@code @file} argument), every subcommand is registered,
 * exactly as before.
 *
 * <p>A new subcommand is one entry in {@link #ALL}: its name (as in its {@code @Command}), whether
 * it always uses the network, and how to make it with its generated {@code XxxCommandSpec} (written
 * by {@code GeneratedCommandSpecsTest -Dgolden.update=true}).
 */
final class Subcommands {
  /**
   * One subcommand.
   *
   * @param name the name it is invoked by
   * @param network whether it always talks to Google (the HTTP stack is then made while the command
   *     line is parsed); a command that only sometimes does leaves it false
   * @param spec makes the command and picocli's model of it (its generated {@code *CommandSpec})
   */
  record Entry(String name, boolean network, SpecFactory spec) {}

  /** Makes a subcommand of {@code root} and picocli's model of it. */
  interface SpecFactory {
    CommandSpec create(GmailCliCommand root, CommandFactory factory);
  }

  static final List<Entry> ALL =
      List.of(
          new Entry(
              "login",
              true,
              (root, factory) -> LoginCommandSpec.create(new LoginCommand(), root, factory)),
          new Entry(
              "threads",
              true,
              (root, factory) -> ThreadsCommandSpec.create(new ThreadsCommand(), root, factory)),
          new Entry(
              "status",
              false,
              (root, factory) ->
                  StatusCommandSpec.create(new StatusCommand(factory.env()), root, factory)),
          new Entry(
              "logout",
              true,
              (root, factory) ->
                  LogoutCommandSpec.create(new LogoutCommand(factory.env()), root, factory)),
          new Entry(
              "completion",
              false,
              (root, factory) ->
                  CompletionCommandSpec.create(new CompletionCommand(factory.env()), factory)),
          new Entry(
              "help",
              false,
              (root, factory) -> HelpCommandSpec.create(new HelpCommand(), factory)));

  // the root's options that take a value (the next argument, or after '=')
  private static final List<String> ROOT_OPTIONS_WITH_VALUE =
      List.of("--credentials", "--token", "--profile", "--service-account", "--subject");
  private static final List<String> ROOT_FLAGS =
      List.of("-v", "--verbose", "--no-input", "--token-readonly");
  private static final List<String> HELP_OPTIONS = List.of("-h", "--help", "-V", "--version");

  private Subcommands() {}

  /** The subcommands to register for {@code args}: none, the invoked one alone, or all. */
  static List<Entry> neededFor(String... args) {
    if (asksOnlyForVersion(args)) {
      return List.of();
    }
    String name = invoked(args);
    for (Entry entry : ALL) {
      if (entry.name().equals(name)) {
        return List.of(entry);
      }
    }
    return ALL;
  }

  /** Whether {@code args} are {@code --version} or {@code -V} alone. */
  static boolean asksOnlyForVersion(String... args) {
    return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
  }

  /** Whether {@code args} certainly invoke a subcommand that talks to Google (not its help). */
  static boolean useNetwork(String... args) {
    List<Entry> needed = neededFor(args);
    if (needed.size() != 1 || !needed.get(0).network()) {
      return false;
    }
    for (String arg : args) {
      if (arg.equals("--")) {
        break;
      }
      if (HELP_OPTIONS.contains(arg)) {
        return false;
      }
    }
    return true;
  }

  /** The name of the subcommand {@code args} certainly invoke, or null. */
  static String invoked(String... args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (ROOT_OPTIONS_WITH_VALUE.contains(arg)) {
        i++;
        if (i >= args.length || args[i].startsWith("-") || args[i].startsWith("@")) {
          return null;
        }
      } else if (ROOT_FLAGS.contains(arg) || isRootOptionWithValue(arg)) {
        continue;
      } else if (arg.startsWith("-") || arg.startsWith("@")) {
        return null;
      } else {
        // `help` shows other subcommands' help: it needs them all
        return arg.equals("help") ? null : arg;
      }
    }
    return null;
  }

  private static boolean isRootOptionWithValue(String arg) {
    for (String option : ROOT_OPTIONS_WITH_VALUE) {
      if (arg.startsWith(option + "=")) {
        return true;
      }
    }
    return false;
  }
}
