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
import dev.gmailcli.gmail.ThreadDetailsFetcher;
import dev.gmailcli.gmail.ThreadLister;
import dev.gmailcli.http.Retrier;
import dev.gmailcli.http.RetryPolicy;
import dev.gmailcli.http.TimeoutsAndTracing;
import dev.gmailcli.platform.Env;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The composition root (as gh's Factory): builds each task of one run, with its collaborators, from
 * the {@link Env} and the global options. All wiring lives here; tasks only receive what they use.
 * Nothing here touches the network until a task runs.
 */
public final class Services {
  private final Env env;
  private final Locations locations;
  private final TimeoutsAndTracing http;
  private final Retrier retrier;
  private final Consumer<String> diagnostics;

  /**
   * @param credentialsOption --credentials, or null
   * @param tokenOption --token, or null
   * @param verbose whether diagnostics go to stderr
   */
  public Services(Env env, Path credentialsOption, Path tokenOption, boolean verbose) {
    this.env = env;
    this.locations =
        Locations.resolve(env.variables(), env.userHome(), credentialsOption, tokenOption);
    this.diagnostics = verbose ? line -> env.err().println("debug: " + line) : line -> {};
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
            env.transport(), http, env.clock(), env.browser(), env.err(), diagnostics),
        credentialStore(),
        this::gmail,
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

  public StatusTask statusTask() {
    return new StatusTask(credentialStore(), env.clock());
  }

  public LogoutTask logoutTask() {
    return new LogoutTask(
        tokenFile(), new TokenRevoker(env.transport(), http, env.endpoints().revokeUri(), retrier));
  }

  private MailboxAccess mailboxAccess() {
    return new MailboxAccess(
        credentialStore(),
        env.terminal().stdinInteractive(),
        () -> loginTask().run(LoginTask.DEFAULT_SCOPES, 0, LoginTask.DEFAULT_TIMEOUT),
        env.err());
  }

  private TokenFile tokenFile() {
    // only the default directory is gmailcli's alone; one named by GMAILCLI_HOME may be shared
    return new TokenFile(locations.token(), locations.defaultHome() ? locations.home() : null);
  }

  private CredentialStore credentialStore() {
    TokenRefresher refresher =
        new TokenRefresher(env::transport, http, env.endpoints().tokenUri(), env.clock(), retrier);
    return new CredentialStore(tokenFile(), refresher, http, env.clock());
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

  // Warnings do not stop a command; they are always shown.
  private Consumer<String> warnings() {
    return line -> env.err().println("warning: " + line);
  }
}
