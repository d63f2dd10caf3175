package dev.gmailcli.cli;

import dev.gmailcli.Scopes;
import dev.gmailcli.app.LoginTask;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code gmailcli login}. */
@Command(
    name = "login",
    mixinStandardHelpOptions = true,
    description = {
      "Log in to Gmail in the browser and save the login (token.json).",
      "Uses Google's installed-app flow: a listener on 127.0.0.1, PKCE, and offline access."
    })
final class LoginCommand implements Callable<Integer> {
  @ParentCommand GmailCliCommand root;

  @Option(
      names = "--scope",
      paramLabel = "SCOPE",
      description = {
        "OAuth scope to ask for; repeatable. Short names like gmail.modify are expanded.",
        "Default: https://www.googleapis.com/auth/gmail.readonly"
      })
  List<String> scopes;

  @Option(
      names = "--port",
      paramLabel = "N",
      converter = Converters.Port.class,
      description = "Port for the login listener on 127.0.0.1 (default: a free port).")
  int port;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = Converters.Timeout.class,
      description = "How long to wait for the answer, e.g. 90s, 5m (default: 5m).")
  Duration timeout = LoginTask.DEFAULT_TIMEOUT;

  @Option(
      names = "--no-browser",
      description =
          "Do not open a browser: print the URL to open on any machine, then paste back the"
              + " address the browser ends on (or forward --port over SSH).")
  boolean noBrowser;

  @Option(
      names = "--force",
      description =
          "With --profile: replace the profile's login even if it belongs to another Google"
              + " account.")
  boolean force;

  @Override
  public Integer call() {
    List<String> wanted =
        scopes == null || scopes.isEmpty()
            ? LoginTask.DEFAULT_SCOPES
            : scopes.stream().map(Scopes::expand).distinct().toList();
    root.services().loginTask().run(wanted, port, timeout, noBrowser, force);
    return 0;
  }
}
