package dev.gmailcli.platform;

import com.google.api.client.http.javanet.ConnectionFactory;
import java.io.IOException;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Opens each connection through the proxy the environment names for its URL, or directly; a proxy's
 * credentials go along as Proxy-Authorization (for an https URL's CONNECT too).
 */
final class ProxiedConnections implements ConnectionFactory {
  private final ProxySettings settings;

  ProxiedConnections(ProxySettings settings) {
    this.settings = settings;
  }

  @Override
  public HttpURLConnection openConnection(URL url) throws IOException {
    Optional<ProxySettings.Route> route;
    try {
      route = settings.routeFor(url.toURI());
    } catch (URISyntaxException e) {
      route = Optional.empty();
    }
    if (route.isEmpty()) {
      return (HttpURLConnection) url.openConnection(Proxy.NO_PROXY);
    }
    ProxySettings.Route proxy = route.get();
    HttpURLConnection connection = (HttpURLConnection) url.openConnection(proxy.proxy());
    Optional<PasswordAuthentication> credentials = proxy.credentials();
    if (credentials.isPresent()) {
      PasswordAuthentication login = credentials.get();
      // a plain http request carries the header itself; an https one's CONNECT asks the
      // authenticator (for which the JDK must allow Basic in tunnels: see Network)
      connection.setRequestProperty("Proxy-Authorization", basic(login));
      connection.setAuthenticator(
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return getRequestorType() == RequestorType.PROXY ? login : null;
            }
          });
    }
    return connection;
  }

  private static String basic(PasswordAuthentication login) {
    String pair = login.getUserName() + ":" + new String(login.getPassword());
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }
}
