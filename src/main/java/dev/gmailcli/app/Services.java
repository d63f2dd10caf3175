package dev.gmailcli.app;

import dev.gmailcli.Locations;
import dev.gmailcli.auth.CredentialStore;
import dev.gmailcli.auth.GmailAuthorization;
import dev.gmailcli.auth.InstalledAppFlow;
import dev.gmailcli.auth.TokenFile;
import dev.gmailcli.auth.TokenRefresher;
import dev.gmailcli.auth.TokenRevoker;
import dev.gmailcli.gmail.GmailService;
import dev.gmailcli.gmail.LabelResolver;
import dev.gmailcli.gmail.NewThreadsFinder;
import dev.gmailcli.gmail.ThreadDetailsFetcher;
import dev.gmailcli.gmail.ThreadLister;
import dev.gmailcli.gmail.ThreadMessagesFetcher;
import dev.gmailcli.http.Retrier;
import dev.gmailcli.http.RetryPolicy;
import dev.gmailcli.http.TimeoutsAndTracing;
import dev.gmailcli.platform.Env;
import dev.gmailcli.state.CursorStore;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The composition root (as gh's Factory): builds each task of one run, with its collaborators, from
 * the {@link Env} and the global options. All wiring lives here; tasks only receive what they use.
 * Nothing here touches the network until a task runs.
 */
public final class Services {
  private final Env env;
  private final GlobalOptions options;
  private final Locations locations;
  private final TimeoutsAndTracing http;
  private final Retrier retrier;
  private final Consumer<String> diagnostics;
  private CredentialStore credentialStore;

  public Services(Env env, GlobalOptions options) {
    this.env = env;
    this.options = options;
    this.locations =
        Locations.resolve(env.variables(), env.userHome(), options.credentials(), options.token());
    this.diagnostics = options.verbose() ? line -> env.err().println("debug: " + line) : line -> {};
    this.http = new TimeoutsAndTracing(diagnostics);
    this.retrier =
        new Retrier(
            RetryPolicy.standard(),
            env.sleeper(),
            new SplittableRandom(),
            env.clock(),
            diagnostics);
  }

  public LoginTask loginTask() {
    return new LoginTask(
        locations.credentials(),
        new InstalledAppFlow(
            env.transport(), http, env.clock(), env.browser(), env.in(), env.err(), diagnostics),
        credentialStore(),
        this::gmail,
        env.terminal().stdinInteractive() && !options.noInput(),
        env.err(),
        warnings());
  }

  public ListThreadsTask listThreadsTask() {
    return new ListThreadsTask(
        mailboxAccess(),
        this::threadLister,
        env.out(),
        env.err(),
        warnings(),
        env.clock(),
        env.terminal());
  }

  public NewThreadsTask newThreadsTask() {
    return new NewThreadsTask(
        mailboxAccess(),
        this::newThreadsFinder,
        cursorStore(),
        env.out(),
        env.err(),
        warnings(),
        diagnostics,
        env.clock(),
        env.terminal());
  }

  public StatusTask statusTask() {
    return new StatusTask(credentialStore(), cursorStore(), env.clock(), this::gmail);
  }

  public LogoutTask logoutTask() {
    return new LogoutTask(
        credentialStore(),
        new TokenRevoker(env.transport(), http, env.endpoints().revokeUri(), retrier));
  }

  // A login is offered only to a person who can answer it: stdin and stderr are terminals.
  private MailboxAccess mailboxAccess() {
    boolean personPresent =
        env.terminal().stdinInteractive() && env.terminal().stderrTerminal() && !options.noInput();
    return new MailboxAccess(
        credentialStore(),
        personPresent,
        () -> loginTask().run(LoginTask.DEFAULT_SCOPES, 0, LoginTask.DEFAULT_TIMEOUT, false),
        env.err());
  }

  // One per run, so that its warnings (a loose file mode, a token it cannot save) come once.
  private CredentialStore credentialStore() {
    if (credentialStore == null) {
      // only the default directory is gmailcli's alone; one named by GMAILCLI_HOME may be shared
      TokenFile file =
          new TokenFile(
              locations.token(),
              locations.defaultHome() ? locations.home() : null,
              options.tokenReadOnly(),
              env.sleeper(),
              diagnostics);
      TokenRefresher refresher =
          new TokenRefresher(
              env.transport(), http, env.endpoints().tokenUri(), env.clock(), retrier);
      credentialStore = new CredentialStore(file, refresher, http, env.clock(), warnings());
    }
    return credentialStore;
  }

  private GmailService gmail(GmailAuthorization authorization) {
    return new GmailService(
        env.transport(),
        env.endpoints().gmailRootUrl(),
        authorization.requestInitializer(),
        retrier,
        env.sleeper(),
        "gmailcli/" + Version.current());
  }

  private ThreadLister threadLister(GmailAuthorization authorization, Consumer<String> warnings) {
    GmailService gmail = gmail(authorization);
    return new ThreadLister(
        gmail,
        new LabelResolver(gmail),
        new ThreadDetailsFetcher(gmail, retrier, env.clock(), warnings));
  }

  private NewThreadsFinder newThreadsFinder(
      GmailAuthorization authorization, Consumer<String> warnings) {
    GmailService gmail = gmail(authorization);
    return new NewThreadsFinder(
        gmail,
        new LabelResolver(gmail),
        new ThreadMessagesFetcher(gmail, retrier, env.clock(), warnings));
  }

  // The cursors of the default login; a profile would only choose another directory.
  private CursorStore cursorStore() {
    return new CursorStore(locations.cursors(), env.sleeper(), diagnostics);
  }

  // Warnings do not stop a command; they are always shown.
  private Consumer<String> warnings() {
    return line -> env.err().println("warning: " + line);
  }
}
