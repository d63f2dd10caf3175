package dev.gmailcli.cli;

import java.util.List;
import picocli.CommandLine;

/**
 * gmailcli's subcommands, in the order {@code --help} lists them, and which of them one command
 * line needs. picocli spends tens of milliseconds of reflection on each subcommand it registers, so
 * a run registers only the subcommand it invokes. When that is not certain (root options other than
 * the global ones, {@code help}, an unknown name, an {@code @file} argument), every subcommand is
 * registered, exactly as before.
 *
 * <p>A new subcommand is one entry in {@link #ALL}: its name (as in its {@code @Command}) and its
 * class.
 */
final class Subcommands {
  /** One subcommand: the name it is invoked by and its {@code @Command} class. */
  record Entry(String name, Class<?> type) {}

  static final List<Entry> ALL =
      List.of(
          new Entry("login", LoginCommand.class),
          new Entry("threads", ThreadsCommand.class),
          new Entry("status", StatusCommand.class),
          new Entry("logout", LogoutCommand.class),
          new Entry("help", CommandLine.HelpCommand.class));

  // the root's options that take a value (the next argument, or after '=')
  private static final List<String> ROOT_OPTIONS_WITH_VALUE = List.of("--credentials", "--token");
  private static final List<String> ROOT_FLAGS = List.of("-v", "--verbose");

  private Subcommands() {}

  /** The subcommands to register for {@code args}: the invoked one alone, or all. */
  static List<Entry> neededFor(String... args) {
    String name = invoked(args);
    for (Entry entry : ALL) {
      if (entry.name().equals(name)) {
        return List.of(entry);
      }
    }
    return ALL;
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
