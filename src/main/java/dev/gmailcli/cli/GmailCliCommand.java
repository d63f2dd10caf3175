package dev.gmailcli.cli;

import dev.gmailcli.ExitCode;
import dev.gmailcli.app.GlobalOptions;
import dev.gmailcli.app.Services;
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
      "  GMAILCLI_PROFILE      like --profile",
      "  GMAILCLI_SERVICE_ACCOUNT, GMAILCLI_SUBJECT",
      "                        like --service-account, --subject",
      "  GMAILCLI_TOKEN_READONLY=1",
      "                        like --token-readonly",
      "  GMAILCLI_NO_INPUT=1   like --no-input",
      "  XDG_STATE_HOME        its gmailcli/ keeps the cursors of threads --new",
      "                        (default: ~/.local/state/gmailcli)",
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
      names = "--profile",
      paramLabel = "NAME",
      scope = ScopeType.INHERIT,
      description = "Use the login of profile NAME (GMAILCLI_HOME/profiles/NAME).")
  String profile;

  @Option(
      names = "--service-account",
      paramLabel = "KEY.json",
      scope = ScopeType.INHERIT,
      description =
          "Act for --subject's mailbox with this Workspace service account key (domain-wide"
              + " delegation).")
  Path serviceAccount;

  @Option(
      names = "--subject",
      paramLabel = "EMAIL",
      scope = ScopeType.INHERIT,
      description = "The mailbox a --service-account acts for, e.g. alice@example.com.")
  String subject;

  @Option(
      names = "--token-readonly",
      scope = ScopeType.INHERIT,
      description =
          "The token file is read-only on purpose (a mounted secret): never save or lock it.")
  boolean tokenReadOnly;

  @Option(
      names = "--no-input",
      scope = ScopeType.INHERIT,
      description = "Never wait for a person: no login offered, no prompt; fail with exit 3.")
  boolean noInput;

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
      services =
          new Services(
              env,
              new GlobalOptions(
                      credentials,
                      token,
                      verbose,
                      noInput,
                      tokenReadOnly,
                      profile,
                      serviceAccount,
                      subject)
                  .resolved(env.variables()));
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
      return new String[] {Cli.versionLine()};
    }
  }
}
