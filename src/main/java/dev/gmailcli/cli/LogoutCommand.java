package dev.gmailcli.cli;

import dev.gmailcli.app.LogoutTask;
import dev.gmailcli.platform.Env;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code gmailcli logout}. */
@Command(
    name = "logout",
    mixinStandardHelpOptions = true,
    description = {
      "Revoke the saved login at Google and delete token.json.",
      "If Google cannot be reached, token.json is kept (exit 5) so you can try again."
    })
final class LogoutCommand implements Callable<Integer> {
  private final Env env;

  @ParentCommand GmailCliCommand root;

  LogoutCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    LogoutTask task = root.services().logoutTask();
    String file = task.file().path().toString();
    String message =
        switch (task.run()) {
          case NOT_LOGGED_IN -> "Not logged in (no " + file + "); nothing to do.";
          case REVOKED -> "Revoked gmailcli's access at Google and deleted " + file + ".";
          case ALREADY_INVALID ->
              "Google already considered the login invalid (expired or revoked);"
                  + " deleted "
                  + file
                  + ".";
          case NOTHING_TO_REVOKE ->
              "The saved login held no token to revoke; deleted " + file + ".";
        };
    env.err().println(message);
    return 0;
  }
}
