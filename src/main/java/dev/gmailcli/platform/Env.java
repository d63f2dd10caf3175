package dev.gmailcli.platform;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.util.Sleeper;
import dev.gmailcli.Endpoints;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Everything a run of gmailcli touches outside its own code: streams, environment variables, time,
 * the network, the browser and the terminal. {@link #system()} is the only place the real ones are
 * created; tests build their own.
 *
 * @param out data (stdout)
 * @param err messages, prompts, progress and errors (stderr)
 * @param in standard input
 * @param variables environment variables
 * @param clock the time source for every "is it due?" decision
 * @param network makes the HTTP transport and plain requests for all Google calls; asked only by
 *     commands that use the network, so that the others never load an HTTP stack (see {@link
 *     #transport()})
 * @param sleeper how retries wait
 * @param browser opens the consent page
 * @param terminal which standard streams are terminals, and how wide
 * @param userHome the user's home directory
 */
public record Env(
    PrintWriter out,
    PrintWriter err,
    InputStream in,
    Map<String, String> variables,
    Clock clock,
    HttpStack network,
    Sleeper sleeper,
    BrowserOpener browser,
    Terminal terminal,
    Path userHome) {

  /** An environment with a transport made in advance (tests, tools). */
  public Env(
      PrintWriter out,
      PrintWriter err,
      InputStream in,
      Map<String, String> variables,
      Clock clock,
      HttpTransport transport,
      Sleeper sleeper,
      BrowserOpener browser,
      Terminal terminal,
      Path userHome) {
    this(out, err, in, variables, clock, () -> transport, sleeper, browser, terminal, userHome);
  }

  /** The HTTP transport for all Google calls, made on the first call. */
  public HttpTransport transport() {
    return network.transport();
  }

  /**
   * Says that the command will send library requests: their one-time set-up may start ahead (see
   * {@link HttpStack#expectLibraryRequests}).
   */
  public void expectLibraryRequests() {
    network.expectLibraryRequests();
  }

  /**
   * Plain requests to Google (see {@link PlainHttp}), through the same proxies as the transport.
   */
  public PlainHttp plainHttp() {
    return network.plain();
  }

  /** The real process environment. */
  public static Env system() {
    return system(null, null);
  }

  /**
   * The real process environment.
   *
   * @param networkAhead null, or (for a command about to talk to Google) the one-time work of its
   *     requests and responses: done on a background thread while the command starts, after making
   *     the HTTP stack and setting up TLS (see {@link Network}); it must be safe to run beside the
   *     command
   * @param libraryAhead null, or the one-time work of the command's library requests: done on that
   *     thread too, once the command says it will send them ({@link #expectLibraryRequests})
   */
  public static Env system(Runnable networkAhead, Runnable libraryAhead) {
    Map<String, String> env = System.getenv();
    ProxySettings proxies = proxies(env);
    Endpoints endpoints = Endpoints.from(env);
    Network network =
        new Network(
            usesTls(endpoints),
            gmailRoot(endpoints),
            networkAhead == null ? () -> {} : networkAhead,
            libraryAhead == null ? () -> {} : libraryAhead,
            proxies);
    if (networkAhead != null) {
      network.prepare();
    }
    PrintWriter out =
        new PrintWriter(
            new BufferedWriter(
                new OutputStreamWriter(
                    new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8),
                1 << 16),
            false);
    PrintWriter err =
        new PrintWriter(
            new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8),
            true);
    return new Env(
        out,
        err,
        System.in,
        env,
        new SystemClock(),
        network,
        Sleeper.DEFAULT,
        new CommandBrowserOpener(env, System.getProperty("os.name", "")),
        Terminal.detect(env),
        userHome(env));
  }

  // A proxy variable gmailcli cannot read is reported when a command starts (Services); until
  // then the run goes on without proxies. The JDK sends Basic credentials in a CONNECT only when
  // told so, before its HTTP classes load.
  private static ProxySettings proxies(Map<String, String> env) {
    ProxySettings proxies;
    try {
      proxies = ProxySettings.from(env);
    } catch (IllegalArgumentException e) {
      return ProxySettings.none();
    }
    boolean credentials =
        (proxies.https() != null && proxies.https().user() != null)
            || (proxies.http() != null && proxies.http().user() != null);
    if (credentials && System.getProperty(TUNNELING_SCHEMES) == null) {
      System.setProperty(TUNNELING_SCHEMES, "");
    }
    return proxies;
  }

  private static final String TUNNELING_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";

  private static boolean usesTls(Endpoints endpoints) {
    return endpoints.gmailRootUrl().startsWith("https:")
        || endpoints.tokenUri().startsWith("https:")
        || endpoints.revokeUri().startsWith("https:");
  }

  private static URI gmailRoot(Endpoints endpoints) {
    try {
      return new URI(endpoints.gmailRootUrl());
    } catch (URISyntaxException e) {
      return null;
    }
  }

  // $HOME first, as shells and other CLIs do; the JVM's user.home ignores it on Linux.
  private static Path userHome(Map<String, String> env) {
    String home = env.get("HOME");
    return home != null && !home.isBlank()
        ? Path.of(home)
        : Path.of(System.getProperty("user.home"));
  }

  /** Google endpoints, with the test/proxy overrides from the environment applied. */
  public Endpoints endpoints() {
    return Endpoints.from(variables);
  }
}
