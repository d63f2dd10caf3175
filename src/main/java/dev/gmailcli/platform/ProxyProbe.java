package dev.gmailcli.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Finds out, after a request through a proxy failed, whether the proxy was the problem — it cannot
 * be reached, or it refuses gmailcli (407) — so that the message names the proxy instead of a bare
 * "connection refused". Runs only after a failure: a working proxy costs nothing extra.
 */
public final class ProxyProbe {
  private ProxyProbe() {}

  /** What went wrong. */
  public record Problem(String what, boolean worthRetrying) {}

  /**
   * What is wrong with reaching {@code url} through {@code route}, or empty when the proxy itself
   * answers as it should.
   */
  public static Optional<Problem> diagnose(ProxySettings.Route route, URI url, int timeoutMillis) {
    try (Socket socket = new Socket()) {
      try {
        socket.connect(new InetSocketAddress(route.host(), route.port()), timeoutMillis);
      } catch (UnknownHostException e) {
        return Optional.of(new Problem("cannot be reached: unknown host " + route.host(), true));
      } catch (IOException e) {
        return Optional.of(new Problem("cannot be reached: " + e.getMessage(), true));
      }
      if (!"https".equalsIgnoreCase(url.getScheme())) {
        return Optional.empty(); // a plain request's 407 is seen in its own response
      }
      socket.setSoTimeout(timeoutMillis);
      String status = connect(socket, route, url);
      if (status.matches("HTTP/\\d(\\.\\d)? 2\\d\\d.*")) {
        return Optional.empty();
      }
      if (status.matches("HTTP/\\d(\\.\\d)? 407.*")) {
        return Optional.of(new Problem(refused(route), false));
      }
      return Optional.of(new Problem("answered CONNECT with \"" + status + "\"", true));
    } catch (IOException e) {
      return Optional.of(new Problem("broke off the connection: " + e.getMessage(), true));
    }
  }

  /** The message for a proxy that answered 407. */
  public static String refused(ProxySettings.Route route) {
    return route.credentials().isPresent()
        ? "refused the user and password in " + route.variable() + " (407)"
        : "wants a user and password (407): give them as http://user:password@host:port in "
            + route.variable();
  }

  private static String connect(Socket socket, ProxySettings.Route route, URI url)
      throws IOException {
    String target = url.getHost() + ":" + (url.getPort() > 0 ? url.getPort() : 443);
    StringBuilder request =
        new StringBuilder("CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\n");
    Optional<PasswordAuthentication> login = route.credentials();
    if (login.isPresent()) {
      String pair = login.get().getUserName() + ":" + new String(login.get().getPassword());
      request
          .append("Proxy-Authorization: Basic ")
          .append(Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)))
          .append("\r\n");
    }
    request.append("\r\n");
    OutputStream out = socket.getOutputStream();
    out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    InputStream in = socket.getInputStream();
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\n' && line.length() < 200) {
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }
}
