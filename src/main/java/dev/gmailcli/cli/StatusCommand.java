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
      "Show the saved login: account, token file, scopes, access-token expiry, refresh token.",
      "Reads token.json only; makes no network call and prints no secret."
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

  StatusCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    StatusReport report = root.services().statusTask().report();
    if (format == Format.json) {
      StatusRenderer.json(report, env.out());
    } else {
      StatusRenderer.table(report, env.out());
    }
    return 0;
  }
}
