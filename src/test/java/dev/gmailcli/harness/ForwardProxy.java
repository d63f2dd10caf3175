package dev.gmailcli.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A small forward proxy on 127.0.0.1 for tests: {@code CONNECT host:port} tunnels and plain
 * absolute-URI requests. Hosts under {@code .invalid} — which nothing else resolves — are sent to
 * 127.0.0.1 with the same port, so a stand-in named {@code gmail.invalid} is reachable only through
 * it. Optionally demands Basic credentials (answering 407), and records what it carried.
 */
public final class ForwardProxy implements AutoCloseable {
  private final ServerSocket server;
  private final String credentials;
  private final List<String> carried = Collections.synchronizedList(new ArrayList<>());
  private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());

  private ForwardProxy(String user, String password) throws IOException {
    this.credentials =
        user == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "forward-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A proxy that carries anything. */
  public static ForwardProxy open() throws IOException {
    return new ForwardProxy(null, null);
  }

  /** A proxy that demands these credentials. */
  public static ForwardProxy requiring(String user, String password) throws IOException {
    return new ForwardProxy(user, password);
  }

  public int port() {
    return server.getLocalPort();
  }

  /** What it carried: "CONNECT host:port" or "GET http://host:port/path", in order. */
  public List<String> carried() {
    return List.copyOf(carried);
  }

  /** The Proxy-Authorization headers it was sent (to check they never leak elsewhere). */
  public List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread worker = new Thread(() -> serve(client), "forward-proxy-connection");
        worker.setDaemon(true);
        worker.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      List<String> head = readHead(in);
      if (head.isEmpty()) {
        return;
      }
      String[] requestLine = head.get(0).split(" ");
      String auth = header(head, "proxy-authorization");
      if (auth != null) {
        authorizations.add(auth);
      }
      if (credentials != null && !credentials.equals(auth)) {
        reply(
            client,
            "HTTP/1.1 407 Proxy Authentication Required\r\n"
                + "Proxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n");
        return;
      }
      carried.add(requestLine[0] + " " + requestLine[1]);
      if (requestLine[0].equals("CONNECT")) {
        try (Socket upstream = upstream(requestLine[1])) {
          reply(client, "HTTP/1.1 200 Connection established\r\n\r\n");
          pipe(client, upstream);
        }
        return;
      }
      URI target = URI.create(requestLine[1]);
      try (Socket upstream = upstream(target.getHost() + ":" + target.getPort())) {
        OutputStream out = upstream.getOutputStream();
        StringBuilder forwarded = new StringBuilder();
        forwarded.append(requestLine[0]).append(' ').append(target.getRawPath());
        if (target.getRawQuery() != null) {
          forwarded.append('?').append(target.getRawQuery());
        }
        forwarded.append(' ').append(requestLine[2]).append("\r\n");
        for (String line : head.subList(1, head.size())) {
          String name = line.substring(0, Math.max(0, line.indexOf(':'))).toLowerCase(Locale.ROOT);
          if (!name.startsWith("proxy-") && !name.equals("connection")) {
            forwarded.append(line).append("\r\n");
          }
        }
        forwarded.append("Connection: close\r\n\r\n");
        out.write(forwarded.toString().getBytes(StandardCharsets.ISO_8859_1));
        String length = header(head, "content-length");
        if (length != null) {
          out.write(in.readNBytes(Integer.parseInt(length.trim())));
        }
        out.flush();
        upstream.getInputStream().transferTo(client.getOutputStream());
      }
    } catch (IOException | RuntimeException e) {
      // the client sees the connection close
    }
  }

  private static Socket upstream(String hostPort) throws IOException {
    String host = hostPort.substring(0, hostPort.lastIndexOf(':'));
    int port = Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
    String address = host.endsWith(".invalid") ? "127.0.0.1" : host;
    return new Socket(address, port);
  }

  private static void pipe(Socket a, Socket b) throws IOException {
    Thread back =
        new Thread(
            () -> {
              try {
                b.getInputStream().transferTo(a.getOutputStream());
                a.shutdownOutput();
              } catch (IOException ignored) {
                // one side closed
              }
            });
    back.setDaemon(true);
    back.start();
    try {
      a.getInputStream().transferTo(b.getOutputStream());
      b.shutdownOutput();
      back.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void reply(Socket client, String text) throws IOException {
    client.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    client.getOutputStream().flush();
  }

  private static List<String> readHead(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1).replaceFirst("\r$", "");
        if (text.isEmpty()) {
          return lines;
        }
        lines.add(text);
        line.reset();
      } else {
        line.write(c);
      }
    }
    return lines;
  }

  private static String header(List<String> head, String name) {
    for (String line : head.subList(1, head.size())) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return null;
  }
}
