package dev.gmailcli.app;

import dev.gmailcli.Locations;
import dev.gmailcli.auth.CredentialStore;
import dev.gmailcli.auth.GmailAuthorization;
import dev.gmailcli.auth.InstalledAppFlow;
import dev.gmailcli.auth.TokenFile;
import dev.gmailcli.auth.TokenRefresher;
import dev.gmailcli.auth.TokenRevoker;
import dev.gmailcli.gmail.GmailService;
import dev.gmailcli.gmail.ThreadLister;
import dev.gmailcli.http.Retrier;
import dev.gmailcli.http.RetryPolicy;
import dev.gmailcli.http.TimeoutsAndTracing;
import dev.gmailcli.platform.Env;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Builds the pieces one run of gmailcli needs from its {@link Env} and global options (the
 * composition root, as gh's Factory). Nothing here touches the network until asked.
 */
public final class Services {
  private final Env env;
  private final Locations locations;
  private final Consumer<String> diagnostics;
  private final TimeoutsAndTracing httpSettings;
  private final Retrier retrier;

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
    this.httpSettings = new TimeoutsAndTracing(diagnostics);
    this.retrier =
        new Retrier(
            RetryPolicy.standard(),
            env.sleeper(),
            new SplittableRandom(),
            env.clock(),
            diagnostics);
  }

  public Env env() {
    return env;
  }

  public Locations locations() {
    return locations;
  }

  /** Where --verbose diagnostics go (nowhere without --verbose). */
  public Consumer<String> diagnostics() {
    return diagnostics;
  }

  /** Warnings that do not stop a command; always shown. */
  public Consumer<String> warnings() {
    return line -> env.err().println("warning: " + line);
  }

  public TokenFile tokenFile() {
    // only the default directory is gmailcli's alone; one named by GMAILCLI_HOME may be shared
    return new TokenFile(locations.token(), locations.defaultHome() ? locations.home() : null);
  }

  public CredentialStore credentialStore() {
    TokenRefresher refresher =
        new TokenRefresher(
            env.transport(), httpSettings, env.endpoints().tokenUri(), env.clock(), retrier);
    return new CredentialStore(tokenFile(), refresher, httpSettings, env.clock());
  }

  public InstalledAppFlow loginFlow() {
    return new InstalledAppFlow(
        env.transport(), httpSettings, env.clock(), env.browser(), env.err(), diagnostics);
  }

  public TokenRevoker tokenRevoker() {
    return new TokenRevoker(env.transport(), httpSettings, env.endpoints().revokeUri(), retrier);
  }

  public GmailService gmail(GmailAuthorization authorization) {
    return new GmailService(
        env.transport(),
        env.endpoints().gmailRootUrl(),
        authorization.requestInitializer(),
        retrier,
        "gmailcli/" + Version.current());
  }

  /**
   * @param warnings where problems that do not stop the listing are reported
   */
  public ThreadLister threadLister(GmailService gmail, Consumer<String> warnings) {
    return new ThreadLister(gmail, env.sleeper(), env.clock(), warnings);
  }
}
