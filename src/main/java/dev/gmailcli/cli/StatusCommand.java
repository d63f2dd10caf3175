package dev.gmailcli.cli;

import dev.gmailcli.output.AllStatusRenderer;
import dev.gmailcli.output.LoginReport;
import dev.gmailcli.output.ProfileStatus;
import dev.gmailcli.output.ServiceAccountReport;
import dev.gmailcli.output.StatusRenderer;
import dev.gmailcli.output.StatusReport;
import dev.gmailcli.platform.Env;
import java.util.List;
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

  @Option(
      names = "--all",
      description =
          "One line per saved login: the default one and each profile's (with --check: whether"
              + " each works now).")
  boolean all;

  StatusCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    if (all) {
      List<ProfileStatus> rows = root.services().allStatusTask().run(check);
      if (format == Format.json) {
        AllStatusRenderer.json(rows, env.out());
      } else {
        AllStatusRenderer.table(rows, env.out());
      }
      return rows.stream()
          .mapToInt(ProfileStatus::exitCode)
          .filter(c -> c != 0)
          .findFirst()
          .orElse(0);
    }
    if (check) {
      root.services().statusTask().check();
      return 0;
    }
    LoginReport report = root.services().statusTask().report();
    boolean json = format == Format.json;
    if (report instanceof ServiceAccountReport key) {
      if (json) {
        StatusRenderer.json(key, env.out());
      } else {
        StatusRenderer.table(key, env.out());
      }
    } else if (json) {
      StatusRenderer.json((StatusReport) report, env.out());
    } else {
      StatusRenderer.table((StatusReport) report, env.out());
    }
    return 0;
  }
}
