package dev.gmailcli.app;

import dev.gmailcli.GmailCliException;
import dev.gmailcli.Locations;
import dev.gmailcli.Scopes;
import dev.gmailcli.auth.CredentialStore;
import dev.gmailcli.auth.InstalledAppFlow;
import dev.gmailcli.auth.ServiceAccountKey;
import dev.gmailcli.auth.TokenRevoker;
import dev.gmailcli.http.Retrier;
import dev.gmailcli.http.RetryPolicy;
import dev.gmailcli.http.TimeoutsAndTracing;
import dev.gmailcli.output.LoginReport;
import dev.gmailcli.output.ServiceAccountReport;
import dev.gmailcli.platform.ConsoleLines;
import dev.gmailcli.platform.Env;
import dev.gmailcli.platform.ProxySettings;
import dev.gmailcli.state.CursorStore;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;

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
  private final ConsoleLines console;
  private final GmailWiring gmail;
  private final AccessWiring access;

  /**
   * @param options the global options, already {@link GlobalOptions#resolved resolved}
   */
  public Services(Env env, GlobalOptions options) {
    this(env, options, new ConsoleLines(env.in()));
  }

  private Services(Env env, GlobalOptions options, ConsoleLines console) {
    this.env = env;
    this.options = options;
    this.console = console;
    this.locations =
        Locations.resolve(
            env.variables(),
            env.userHome(),
            options.credentials(),
            options.token(),
            options.profile());
    this.diagnostics = options.verbose() ? line -> env.err().println("debug: " + line) : line -> {};
    this.http = new TimeoutsAndTracing(diagnostics, proxies(env));
    this.gmail = new GmailWiring(env, http, diagnostics);
    this.retrier =
        new Retrier(
            RetryPolicy.standard(),
            env.sleeper(),
            new SplittableRandom(),
            env.clock(),
            diagnostics);
    this.access =
        new AccessWiring(env, options, locations, http, retrier, diagnostics, warnings(), gmail);
  }

  public LoginTask loginTask() {
    refuseForServiceAccount("login", "a service account needs no login: its key is the credential");
    env.expectLibraryRequests();
    boolean personPresent = env.terminal().stdinInteractive() && !options.noInput();
    return new LoginTask(
        locations.credentials(),
        new InstalledAppFlow(
            env.transport(), http, env.clock(), env.browser(), console, env.err(), diagnostics),
        credentialStore(),
        gmail::service,
        personPresent,
        new AccountSwitchGuard(
            options.profile(),
            personPresent && env.terminal().stderrTerminal(),
            console,
            env.err()),
        env.err(),
        warnings());
  }

  public ListThreadsTask listThreadsTask() {
    return new ListThreadsTask(
        mailboxAccess(),
        gmail::threadLister,
        env.out(),
        env.err(),
        warnings(),
        env.clock(),
        env.terminal(),
        quotaReport(),
        env::expectLibraryRequests);
  }

  // formatting the figures starts the JDK's locale data: only worth it when they are printed
  private Runnable quotaReport() {
    return options.verbose() ? () -> diagnostics.accept(gmail.quotaSummary()) : () -> {};
  }

  public NewThreadsTask newThreadsTask() {
    env.expectLibraryRequests();
    return new NewThreadsTask(
        mailboxAccess(),
        gmail::newThreadsFinder,
        cursorStore(),
        env.out(),
        env.err(),
        warnings(),
        diagnostics,
        env.clock(),
        env.terminal());
  }

  public StatusTask statusTask() {
    env.expectLibraryRequests();
    Supplier<LoginReport> report;
    if (options.usesServiceAccount()) {
      report =
          () -> {
            ServiceAccountKey key = ServiceAccountKey.read(options.serviceAccount());
            return new ServiceAccountReport(
                key.file(),
                key.clientEmail(),
                key.clientId(),
                options.subject(),
                List.of(Scopes.DEFAULT));
          };
    } else {
      report =
          () ->
              StatusTask.of(
                  credentialStore().find().orElseThrow(access::noSavedLogin),
                  credentialStore(),
                  cursorStore(),
                  env.clock());
    }
    return new StatusTask(report, mailboxAccess());
  }

  public AllStatusTask allStatusTask() {
    refuseForServiceAccount("status --all", "status --all lists saved logins");
    return new AllStatusTask(
        locations.profilesDirectory(),
        profile ->
            new Services(
                env,
                new GlobalOptions(
                    null,
                    null,
                    options.verbose(),
                    true,
                    options.tokenReadOnly(),
                    profile,
                    null,
                    null),
                console),
        env.clock());
  }

  public LogoutTask logoutTask() {
    refuseForServiceAccount(
        "logout",
        "a service account's keys are revoked in Google Cloud console (IAM & Admin > Service"
            + " accounts > Keys)");
    env.expectLibraryRequests();
    return new LogoutTask(
        credentialStore(),
        new TokenRevoker(env.transport(), http, env.endpoints().revokeUri(), retrier));
  }

  /** How this run opens the mailbox: a saved login (the default or a profile's), or a key. */
  MailboxAccess mailboxAccess() {
    return access.mailboxAccess(
        () ->
            loginTask().run(LoginTask.DEFAULT_SCOPES, 0, LoginTask.DEFAULT_TIMEOUT, false, false));
  }

  CredentialStore credentialStore() {
    return access.credentialStore();
  }

  CursorStore cursorStore() {
    return access.cursorStore();
  }

  private static ProxySettings proxies(Env env) {
    try {
      return ProxySettings.from(env.variables());
    } catch (IllegalArgumentException e) {
      throw GmailCliException.config(
          e.getMessage(),
          "write it as http://host:port or http://user:password@host:port, or unset it",
          null);
    }
  }

  private void refuseForServiceAccount(String command, String why) {
    if (options.usesServiceAccount()) {
      throw GmailCliException.usage(command + " does not apply to --service-account", why);
    }
  }

  // Warnings do not stop a command; they are always shown.
  private Consumer<String> warnings() {
    return line -> env.err().println("warning: " + line);
  }
}
