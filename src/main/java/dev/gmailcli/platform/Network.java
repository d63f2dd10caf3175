package dev.gmailcli.platform;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.ConnectionFactory;
import com.google.api.client.http.javanet.NetHttpTransport;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.net.UnknownHostException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The process's HTTP transport, made once: on first use, or ahead of it on a background thread
 * while the command line is parsed and the saved login read ({@link #prepare}). Preparing also does
 * the slow, one-time part of HTTPS before it is needed (see {@link TlsWarmUp}). A connection is
 * opened only once that is done, so the JDK's TLS set-up never runs on two threads at once; until
 * then the command goes on building its requests.
 */
final class Network implements HttpStack {
  // a safety net only: preparing takes a fraction of a second
  private static final long PREPARE_WAIT_SECONDS = 10;
  // with it, NetHttpTransport opens connections through a proxy and not through a factory
  private static final String PROXY_PROPERTY = "com.google.api.client.should_use_proxy";

  private final boolean tls;
  private final URI gmail;
  private final Runnable ahead;
  private final Runnable libraryAhead;
  private final CountDownLatch libraryWanted = new CountDownLatch(1);
  private final ProxySettings proxies;
  private final CountDownLatch prepared = new CountDownLatch(1);
  private volatile boolean preparing;
  private HttpTransport transport;

  /**
   * @param tls whether the endpoints speak HTTPS (then preparing warms up TLS)
   * @param gmail Gmail's root URL: preparing looks up its host's address (unless a proxy does that)
   * @param ahead more one-time work of the command's requests that preparing does after that, while
   *     the command goes on (see {@link Env#system(Runnable, Runnable)})
   * @param libraryAhead the one-time work of library requests, done after google-http-client's own
   *     once the command says it will send such requests ({@link #expectLibraryRequests})
   * @param proxies the proxies the environment names
   */
  Network(boolean tls, URI gmail, Runnable ahead, Runnable libraryAhead, ProxySettings proxies) {
    this.tls = tls;
    this.gmail = gmail;
    this.ahead = ahead;
    this.libraryAhead = libraryAhead;
    this.proxies = proxies;
  }

  /** Starts making the transport in the background; connections wait for it. */
  void prepare() {
    if (preparing) {
      return;
    }
    preparing = true;
    // the look-up waits on the network, not the CPU: beside the rest, from the start
    start(new Thread(this::lookUpGmail, "gmailcli-lookup"));
    Thread thread =
        new Thread(
            () -> {
              try {
                make();
                if (tls) {
                  TlsWarmUp.run();
                }
              } catch (RuntimeException | Error ignored) {
                // the request itself will meet (and report) whatever went wrong here
              } finally {
                prepared.countDown();
              }
              // no longer waited for: what the request and its response need next
              try {
                ahead.run();
                // only once the command knows it will use them: on 2 CPUs, unused work slows it
                libraryWanted.await();
                HttpWarmUp.run();
                libraryAhead.run();
              } catch (RuntimeException | Error ignored) {
                // the command does this itself when it gets there
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "gmailcli-network");
    if (!start(thread)) {
      // no thread to spare: everything happens on first use instead
      preparing = false;
      prepared.countDown();
    }
  }

  private static boolean start(Thread thread) {
    thread.setDaemon(true);
    try {
      thread.start();
      return true;
    } catch (RuntimeException | OutOfMemoryError e) {
      return false;
    }
  }

  // The request would look the address up itself (concurrent lookups of one host wait for the
  // first, and the JDK keeps the answer for 30 s); through a proxy, the proxy looks it up.
  private void lookUpGmail() {
    String host = hostToLookUp(gmail, proxies, HttpTransports.javaProxySettings());
    if (host == null) {
      return;
    }
    try {
      InetAddress.getByName(host);
    } catch (UnknownHostException | RuntimeException e) {
      // the request reports it
    }
  }

  /**
   * The host whose address to look up ahead for requests to {@code gmail}, or null when there is
   * none or a proxy looks it up (one from the environment, or the JVM's own: {@code jvmProxies}).
   */
  static String hostToLookUp(URI gmail, ProxySettings proxies, boolean jvmProxies) {
    if (gmail == null || gmail.getHost() == null || jvmProxies) {
      return null;
    }
    return proxies.routeFor(gmail).isPresent() ? null : gmail.getHost();
  }

  @Override
  public HttpTransport transport() {
    if (preparing && !waitsPerConnection()) {
      awaitPrepared();
    }
    return make();
  }

  @Override
  public void expectLibraryRequests() {
    libraryWanted.countDown();
  }

  /**
   * Plain requests on the JDK's connections: opened through the proxies, once preparing is done.
   */
  @Override
  public PlainHttp plain() {
    return Transports.plain(preparing ? this::awaitPrepared : () -> {}, proxies);
  }

  private boolean waitsPerConnection() {
    return System.getProperty(PROXY_PROPERTY) == null;
  }

  private synchronized HttpTransport make() {
    if (transport == null) {
      transport =
          preparing && waitsPerConnection()
              ? Transports.waitingFor(this::awaitPrepared, proxies)
              : HttpTransports.forProxies(proxies);
    }
    return transport;
  }

  private void awaitPrepared() {
    try {
      prepared.await(PREPARE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // Kept apart so that loading Network loads none of google-http-client's classes (a command
  // without network use never needs them).
  private static final class Transports {
    static HttpTransport waitingFor(Runnable prepared, ProxySettings proxies) {
      return new NetHttpTransport.Builder()
          .setConnectionFactory(new AfterPreparing(prepared, HttpTransports.connections(proxies)))
          .build();
    }

    static PlainHttp plain(Runnable prepared, ProxySettings proxies) {
      return new ConnectionPlainHttp(
          new AfterPreparing(prepared, HttpTransports.connections(proxies)));
    }
  }

  /** Opens connections as NetHttpTransport's default does, once preparing is done. */
  private static final class AfterPreparing implements ConnectionFactory {
    private final Runnable prepared;
    private final ConnectionFactory connections;

    AfterPreparing(Runnable prepared, ConnectionFactory connections) {
      this.prepared = prepared;
      this.connections = connections;
    }

    @Override
    public HttpURLConnection openConnection(URL url) throws IOException {
      prepared.run();
      return connections.openConnection(url);
    }
  }
}
