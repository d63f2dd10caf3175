package dev.gmailcli.cli;

import dev.gmailcli.ExitCode;
import dev.gmailcli.GmailCliException;
import dev.gmailcli.app.Version;
import dev.gmailcli.output.Text;
import dev.gmailcli.platform.Env;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Builds and runs the command line: picocli wired to the injected streams, one exit-code map, and
 * one error handler that prints {@code error:} and {@code hint:} lines (a stack trace only with
 * --verbose).
 */
public final class Cli {
  private Cli() {}

  /** Runs gmailcli with {@code args} and returns the exit code. */
  public static int run(Env env, String... args) {
    return run(env, Subcommands.neededFor(args), args);
  }

  /** Runs gmailcli with only {@code subcommands} registered (tests compare it with all). */
  static int run(Env env, List<Subcommands.Entry> subcommands, String... args) {
    try {
      if (subcommands.isEmpty() && Subcommands.asksOnlyForVersion(args)) {
        // one line that needs no command line model: building picocli's would take longer
        env.out().println(versionLine());
        return ExitCode.OK.code();
      }
      return create(env, subcommands).execute(args);
    } finally {
      env.out().flush();
      env.err().flush();
    }
  }

  /** The configured command line with every subcommand (exposed for tests of help output). */
  public static CommandLine create(Env env) {
    return create(env, Subcommands.ALL);
  }

  // picocli's model comes from the generated *CommandSpec classes: the same as reading the
  // commands' annotations, without the reflection (57 ms instead of 19 for `threads`, measured)
  private static CommandLine create(Env env, List<Subcommands.Entry> subcommands) {
    skipUnusedConverters();
    CommandFactory factory = new CommandFactory(env);
    GmailCliCommand root = new GmailCliCommand(env);
    CommandLine cli = new CommandLine(GmailCliCommandSpec.create(root, factory), factory);
    for (Subcommands.Entry entry : subcommands) {
      cli.addSubcommand(entry.name(), new CommandLine(entry.spec().create(root, factory), factory));
    }
    return configured(cli, env);
  }

  /** {@code cli} with gmailcli's streams, error handlers, exit-code list and version everywhere. */
  static CommandLine configured(CommandLine cli, Env env) {
    cli.setOut(env.out());
    cli.setErr(env.err());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(Cli::handleExecutionException);
    cli.setParameterExceptionHandler(Cli::handleParameterException);
    Map<String, String> codes = exitCodeList();
    cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
    for (CommandLine sub : cli.getSubcommands().values()) {
      sub.getCommandSpec()
          .usageMessage()
          .exitCodeListHeading("%nExit codes:%n")
          .exitCodeList(codes);
      // `gmailcli threads --version` printed nothing, and man pages of subcommands had no version
      sub.getCommandSpec().versionProvider(cli.getCommandSpec().versionProvider());
    }
    return cli;
  }

  /** What {@code --version} prints. */
  static String versionLine() {
    return "gmailcli " + Version.current();
  }

  // Every picocli command line registers its built-in converters, those for java.sql and
  // java.time types by reflection over a dozen JDK classes each time. gmailcli's options use none
  // of them (its duration option has a converter of its own; CliOptionsTest keeps it so).
  static final String EXCLUDED_CONVERTERS = "java\\.(sql|time)\\..*";

  private static void skipUnusedConverters() {
    if (System.getProperty("picocli.converters.excludes") == null) {
      System.setProperty("picocli.converters.excludes", EXCLUDED_CONVERTERS);
    }
  }

  static Map<String, String> exitCodeList() {
    Map<String, String> codes = new LinkedHashMap<>();
    for (ExitCode code : ExitCode.values()) {
      codes.put(String.valueOf(code.code()), code.meaning());
    }
    return codes;
  }

  private static int handleExecutionException(
      Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
    Env env = ((CommandFactory) cli.getFactory()).env();
    boolean verbose = GmailCliCommand.verbose(cli);
    if (e instanceof GmailCliException failure) {
      env.err().println("error: " + printable(failure.getMessage()));
      if (failure.hint() != null) {
        env.err().println("hint: " + printable(failure.hint()));
      }
      if (verbose && failure.getCause() != null) {
        failure.getCause().printStackTrace(env.err());
      }
      return failure.exitCode().code();
    }
    env.err().println("error: unexpected internal error: " + printable(String.valueOf(e)));
    env.err()
        .println(
            "hint: run the command again with --verbose and report the output"
                + " (it contains no secrets)");
    if (verbose) {
      e.printStackTrace(env.err());
    }
    return ExitCode.INTERNAL.code();
  }

  private static int handleParameterException(CommandLine.ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    Env env = ((CommandFactory) cli.getFactory()).env();
    env.err().println("error: " + e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, env.err());
    env.err().println("hint: see `" + cli.getCommandSpec().qualifiedName() + " --help`");
    return ExitCode.USAGE.code();
  }

  // Messages may quote what a server sent; never let that drive the terminal.
  private static String printable(String message) {
    return Text.oneLine(message);
  }
}
