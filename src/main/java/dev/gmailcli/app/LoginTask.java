package dev.gmailcli.app;

import dev.gmailcli.GmailCliException;
import dev.gmailcli.Scopes;
import dev.gmailcli.auth.ClientSecrets;
import dev.gmailcli.auth.CredentialStore;
import dev.gmailcli.auth.GmailAuthorization;
import dev.gmailcli.auth.InstalledAppFlow;
import dev.gmailcli.auth.LoginOptions;
import dev.gmailcli.auth.StoredToken;
import dev.gmailcli.gmail.GmailService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Role: the {@code gmailcli login} command — read credentials.json, run the browser flow, learn
 * which account logged in, and save token.json.
 */
public final class LoginTask {
  /** Read-only Gmail access, the scope gmailcli asks for unless told otherwise. */
  public static final List<String> DEFAULT_SCOPES = List.of(Scopes.DEFAULT);

  /** How long the login waits for the browser unless told otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  private final Path credentialsFile;
  private final InstalledAppFlow flow;
  private final CredentialStore store;
  private final Function<GmailAuthorization, GmailService> gmail;
  private final boolean personTyping;
  private final AccountSwitchGuard guard;
  private final PrintWriter err;
  private final Consumer<String> warnings;

  /**
   * @param credentialsFile credentials.json, the OAuth client
   * @param gmail opens Gmail with a login, to read the account's address
   * @param personTyping stdin is a terminal and input is allowed: a pasted answer may be asked for
   * @param guard keeps a profile from silently switching to another Google account
   * @param err where the outcome is told
   * @param warnings problems that do not stop the login
   */
  public LoginTask(
      Path credentialsFile,
      InstalledAppFlow flow,
      CredentialStore store,
      Function<GmailAuthorization, GmailService> gmail,
      boolean personTyping,
      AccountSwitchGuard guard,
      PrintWriter err,
      Consumer<String> warnings) {
    this.credentialsFile = credentialsFile;
    this.flow = flow;
    this.store = store;
    this.gmail = gmail;
    this.personTyping = personTyping;
    this.guard = guard;
    this.err = err;
    this.warnings = warnings;
  }

  /**
   * Logs in, saves the login, tells the user which account and where, and returns it.
   *
   * @param port the listener's port, 0 for a free one
   * @param noBrowser print the URL only; the answer is pasted (or comes through a forwarded port)
   * @param force replace a profile's login even when it belongs to another Google account
   */
  public StoredToken run(
      List<String> scopes, int port, Duration timeout, boolean noBrowser, boolean force) {
    ClientSecrets client = ClientSecrets.read(credentialsFile);
    if (!client.desktopApp()) {
      warnings.accept(
          credentialsFile
              + " holds a Web application client; if Google answers redirect_uri_mismatch,"
              + " create a client of type \"Desktop app\" instead");
    }
    LoginOptions.Paste paste =
        personTyping
            ? LoginOptions.Paste.PROMPT
            : noBrowser ? LoginOptions.Paste.PIPE : LoginOptions.Paste.NONE;
    StoredToken token =
        flow.login(client, scopes, new LoginOptions(port, timeout, !noBrowser, paste));
    token = token.withAccount(accountOf(token));
    guard.check(store, token, force);
    store.save(token);
    String who = token.account().isEmpty() ? "Gmail" : token.account();
    err.println("Logged in as " + who + ".");
    err.println("Login saved to " + store.file().path());
    return token;
  }

  // The address is a convenience: a login whose scopes cannot read the profile is still kept.
  private String accountOf(StoredToken token) {
    try {
      return gmail.apply(store.authorize(token)).emailAddress();
    } catch (GmailCliException e) {
      warnings.accept("logged in, but could not read the account's address: " + e.getMessage());
      return "";
    }
  }
}
