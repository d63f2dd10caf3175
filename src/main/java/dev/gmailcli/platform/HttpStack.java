package dev.gmailcli.platform;

import com.google.api.client.http.HttpTransport;
import java.util.Map;

/**
 * How a command reaches Google: google-http-client's transport for the generated Gmail client and
 * the OAuth libraries, and {@link PlainHttp} beside it for the calls gmailcli sends itself. Both go
 * through the same proxies.
 */
@FunctionalInterface
public interface HttpStack {
  /** The transport for every library request. */
  HttpTransport transport();

  /** Plain requests; unless a stack says otherwise, sent through {@link #transport()}. */
  default PlainHttp plain() {
    return new TransportPlainHttp(transport());
  }

  /**
   * Tells the stack that the command will send library requests (the generated Gmail client's, the
   * OAuth libraries'), so that their one-time set-up may start ahead on another thread. Without it,
   * that set-up happens on the first such request; a command that sends only plain requests never
   * pays for it.
   */
  default void expectLibraryRequests() {}

  /**
   * What the process uses for the proxies {@code env} names, made at once: the transport, and plain
   * requests on the JDK's own connections (tests against a stand-in, tools).
   */
  static HttpStack forEnvironment(Map<String, String> env) {
    HttpTransport transport = HttpTransports.forEnvironment(env);
    PlainHttp plain =
        new ConnectionPlainHttp(HttpTransports.connections(HttpTransports.proxies(env)));
    return new HttpStack() {
      @Override
      public HttpTransport transport() {
        return transport;
      }

      @Override
      public PlainHttp plain() {
        return plain;
      }
    };
  }
}
