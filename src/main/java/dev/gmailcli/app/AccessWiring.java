package dev.gmailcli.app;

import dev.gmailcli.GmailCliException;
import dev.gmailcli.Locations;
import dev.gmailcli.Scopes;
import dev.gmailcli.auth.CredentialStore;
import dev.gmailcli.auth.ServiceAccountKey;
import dev.gmailcli.auth.ServiceAccountLogin;
import dev.gmailcli.auth.StoredToken;
import dev.gmailcli.auth.TokenFile;
import dev.gmailcli.auth.TokenRefresher;
import dev.gmailcli.http.Retrier;
import dev.gmailcli.http.TimeoutsAndTracing;
import dev.gmailcli.platform.Env;
import dev.gmailcli.state.CursorStore;
import java.net.URI;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The mailbox side of {@link Services}' wiring: the run's saved login (its token file and
 * credential store), its cursors, and how the run opens the mailbox, with that login or with a
 * service account's key.
 */
final class AccessWiring {
  private final Env env;
  private final GlobalOptions options;
  private final Locations locations;
  private final TimeoutsAndTracing http;
  private final Retrier retrier;
  private final Consumer<String> diagnostics;
  private final Consumer<String> warnings;
  private final GmailWiring gmail;
  private CredentialStore credentialStore;

  AccessWiring(
      Env env,
      GlobalOptions options,
      Locations locations,
      TimeoutsAndTracing http,
      Retrier retrier,
      Consumer<String> diagnostics,
      Consumer<String> warnings,
      GmailWiring gmail) {
    this.env = env;
    this.options = options;
    this.locations = locations;
    this.http = http;
    this.retrier = retrier;
    this.diagnostics = diagnostics;
    this.warnings = warnings;
    this.gmail = gmail;
  }

  /**
   * How this run opens the mailbox: a saved login (the default or a profile's), or a key; {@code
   * login} logs a person in when there is no saved login and one is at the terminal.
   */
  MailboxAccess mailboxAccess(Supplier<StoredToken> login) {
    if (options.usesServiceAccount()) {
      return new ServiceAccountAccess(
          ServiceAccountKey.read(options.serviceAccount()),
          key ->
              ServiceAccountLogin.open(
                  key,
                  options.subject(),
                  List.of(Scopes.DEFAULT),
                  URI.create(env.endpoints().tokenUri()),
                  env.transport(),
                  http,
                  retrier,
                  env.clock()),
          gmail::service,
          warnings);
    }
    // a login is offered only to a person who can answer it: stdin and stderr are terminals
    boolean personPresent =
        env.terminal().stdinInteractive() && env.terminal().stderrTerminal() && !options.noInput();
    return new SavedLoginAccess(
        credentialStore(), options.profile(), personPresent, login, gmail::service, env.err());
  }

  // One per run, so that its warnings (a loose file mode, a token it cannot save) come once.
  CredentialStore credentialStore() {
    if (credentialStore == null) {
      TokenFile file =
          new TokenFile(
              locations.token(),
              locations.ownTokenDirectory(),
              options.tokenReadOnly(),
              env.sleeper(),
              diagnostics);
      TokenRefresher refresher =
          new TokenRefresher(
              env::plainHttp, http, env.endpoints().tokenUri(), env.clock(), retrier);
      credentialStore = new CredentialStore(file, refresher, http, env.clock(), warnings);
    }
    return credentialStore;
  }

  /** The error for a command that needs the saved login when there is none. */
  GmailCliException noSavedLogin() {
    return options.profile() != null
        ? SavedLoginAccess.noSuchProfile(options.profile())
        : CredentialStore.notLoggedIn(credentialStore().file());
  }

  // The cursors of this login: the default one's, or a profile's.
  CursorStore cursorStore() {
    return new CursorStore(locations.cursors(), env.sleeper(), diagnostics);
  }
}
