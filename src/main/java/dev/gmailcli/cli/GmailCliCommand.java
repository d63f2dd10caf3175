package dev.gmailcli.cli;

import dev.gmailcli.ExitCode;
import dev.gmailcli.app.Services;
import dev.gmailcli.app.Version;
import dev.gmailcli.platform.Env;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code gmailcli}: the root command and its global options. Its subcommands are listed in {@link
 * Subcommands}, which registers only those a command line needs.
 */
@Command(
    name = "gmailcli",
    mixinStandardHelpOptions = true,
    versionProvider = GmailCliCommand.VersionProvider.class,
    description = "Log in to Gmail once, keep the login alive, and list your latest threads.",
    footerHeading = "%nEnvironment:%n",
    footer = {
      "  GMAILCLI_HOME         directory for credentials.json and token.json",
      "                        (default: $XDG_CONFIG_HOME/gmailcli, ~/.config/gmailcli)",
      "  GMAILCLI_CREDENTIALS  OAuth client file (like --credentials)",
      "  GMAILCLI_TOKEN        saved login (like --token)",
      "  BROWSER               browser command for login",
      "  GMAILCLI_GMAIL_ROOT_URL, GMAILCLI_TOKEN_URI, GMAILCLI_REVOKE_URI",
      "                        Google endpoints (tests, proxies)"
    })
public final class GmailCliCommand implements Callable<Integer> {
  private final Env env;

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--credentials",
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description = "OAuth client file downloaded from Google Cloud console (login only).")
  Path credentials;

  @Option(
      names = "--token",
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description = "File holding the saved login (token.json).")
  Path token;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Print diagnostics to stderr (secrets are never printed).")
  boolean verbose;

  private Services services;

  GmailCliCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(env.err());
    return ExitCode.USAGE.code();
  }

  /** The services for this run, configured by the global options. */
  Services services() {
    if (services == null) {
      services = new Services(env, credentials, token, verbose);
    }
    return services;
  }

  static boolean verbose(CommandLine cli) {
    CommandLine root = cli;
    while (root.getParent() != null) {
      root = root.getParent();
    }
    return root.getCommand() instanceof GmailCliCommand command && command.verbose;
  }

  /** Reads the version from the build. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"gmailcli " + Version.current()};
    }
  }
}
