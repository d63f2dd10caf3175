package dev.gmailcli.cli;

import dev.gmailcli.output.StatusRenderer;
import dev.gmailcli.output.StatusReport;
import dev.gmailcli.platform.Env;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code gmailcli status}. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Show the saved login: account, token file, scopes, access-token expiry, refresh token;"
          + " and the cursors of threads --new.",
      "Reads files only: no network call (but with --check), no secret shown."
    })
final class StatusCommand implements Callable<Integer> {
  /** Output formats of status. */
  enum Format {
    table,
    json
  }

  private final Env env;

  @ParentCommand GmailCliCommand root;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  Format format = Format.table;

  @Option(
      names = "--check",
      description =
          "Prove that Gmail can be read now: refresh (and save) the access token if due, then"
              + " make the cheapest Gmail call. Prints nothing and exits 0 when it works.")
  boolean check;

  StatusCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    if (check) {
      root.services().statusTask().check();
      return 0;
    }
    StatusReport report = root.services().statusTask().report();
    if (format == Format.json) {
      StatusRenderer.json(report, env.out());
    } else {
      StatusRenderer.table(report, env.out());
    }
    return 0;
  }
}
