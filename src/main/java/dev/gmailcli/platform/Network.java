package dev.gmailcli.platform;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The process's HTTP transport, made once: on first use, or ahead of it on a background thread
 * while the command line is parsed and the saved login read ({@link #prepare}). Preparing also does
 * the slow, one-time part of HTTPS before it is needed (see {@link TlsWarmUp}); the transport is
 * handed out only once that is done, so the JDK's TLS set-up never runs on two threads at once.
 */
final class Network implements Supplier<HttpTransport> {
  // a safety net only: preparing takes a fraction of a second
  private static final long PREPARE_WAIT_SECONDS = 10;

  private final boolean tls;
  private final CountDownLatch prepared = new CountDownLatch(1);
  private volatile boolean preparing;
  private HttpTransport transport;

  /**
   * @param tls whether the endpoints speak HTTPS (then preparing warms up TLS)
   */
  Network(boolean tls) {
    this.tls = tls;
  }

  /** Starts making the transport in the background; {@link #get()} waits for it. */
  void prepare() {
    if (preparing) {
      return;
    }
    preparing = true;
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
            },
            "gmailcli-network");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public HttpTransport get() {
    if (preparing) {
      try {
        prepared.await(PREPARE_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return make();
  }

  private synchronized HttpTransport make() {
    if (transport == null) {
      transport = new NetHttpTransport();
    }
    return transport;
  }
}
