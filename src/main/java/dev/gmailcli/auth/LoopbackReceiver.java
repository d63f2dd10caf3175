package dev.gmailcli.auth;

import com.google.api.client.extensions.java6.auth.oauth2.VerificationCodeReceiver;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gmailcli.GmailCliException;
import dev.gmailcli.platform.Durations;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The loopback redirect listener of RFC 8252, in place of the library's LocalServerReceiver, which
 * listens on every interface, never checks {@code state} and waits forever. This one binds
 * 127.0.0.1 only, accepts exactly one redirect carrying the expected {@code state}, gives up after
 * a timeout, and shows a page telling the person to return to the terminal.
 */
public final class LoopbackReceiver implements VerificationCodeReceiver {
  private final int port;
  private final String expectedState;
  private final Duration timeout;
  private final Consumer<String> diagnostics;
  private final CompletableFuture<AuthorizationCallback> result = new CompletableFuture<>();
  private HttpServer server;

  /**
   * @param port the port to listen on, 0 for a free one
   * @param expectedState the {@code state} sent with the authorization request
   * @param timeout how long {@link #waitForCode()} waits
   * @param diagnostics receives one line per ignored request (for --verbose); never a secret
   */
  public LoopbackReceiver(
      int port, String expectedState, Duration timeout, Consumer<String> diagnostics) {
    this.port = port;
    this.expectedState = expectedState;
    this.timeout = timeout;
    this.diagnostics = diagnostics;
  }

  @Override
  public synchronized String getRedirectUri() {
    if (server == null) {
      InetAddress loopback = loopbackIpv4();
      try {
        server = HttpServer.create(new InetSocketAddress(loopback, port), 0);
      } catch (BindException e) {
        throw GmailCliException.config(
            "cannot listen on 127.0.0.1:" + port + " for the login redirect: the port is in use",
            "choose another port with --port, or leave --port out to use a free one",
            e);
      } catch (IOException e) {
        throw GmailCliException.config(
            "cannot listen on 127.0.0.1:" + port + " for the login redirect: " + e.getMessage(),
            "leave --port out to use a free port",
            e);
      }
      server.createContext("/", this::handle);
      server.start();
    }
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /**
   * Waits for the redirect and returns the authorization code.
   *
   * @throws GmailCliException exit 3 when the person declined, Google sent an error, or the timeout
   *     passed
   */
  @Override
  public String waitForCode() {
    AuthorizationCallback callback;
    try {
      callback = result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw GmailCliException.loginRequired(
          "login timed out after "
              + Durations.describe(timeout)
              + " without an answer from the browser",
          "run `gmailcli login` again and finish the consent in the browser, or give more time"
              + " with --timeout",
          null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw GmailCliException.loginRequired("login interrupted", "run `gmailcli login` again", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
    if (callback instanceof AuthorizationCallback.Error error) {
      if ("access_denied".equals(error.error())) {
        throw GmailCliException.loginRequired(
            "you declined access in the browser, so gmailcli is not logged in",
            "run `gmailcli login` again and choose Allow (or Continue) on Google's consent screen",
            null);
      }
      throw GmailCliException.loginRequired(
          "Google refused the login: "
              + error.error()
              + (error.description() == null ? "" : " (" + error.description() + ")"),
          "check the OAuth client and consent screen in Google Cloud console, then run"
              + " `gmailcli login` again",
          null);
    }
    return ((AuthorizationCallback.Code) callback).code();
  }

  /**
   * Delivers an answer that reached gmailcli another way (a pasted redirect address); the first
   * answer wins, from here or from the browser.
   *
   * @return false when an answer had already arrived
   */
  public boolean offer(AuthorizationCallback callback) {
    return result.complete(callback);
  }

  /** True once an answer has arrived, by either way. */
  public boolean answered() {
    return result.isDone();
  }

  @Override
  public synchronized void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  private static InetAddress loopbackIpv4() {
    try {
      return InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())
          || !"/".equals(exchange.getRequestURI().getPath())) {
        respond(exchange, 404, LandingPages.NOT_FOUND);
        return;
      }
      if (result.isDone()) {
        respond(exchange, 409, LandingPages.ALREADY_DONE);
        return;
      }
      AuthorizationCallback callback =
          AuthorizationCallback.parse(exchange.getRequestURI().getRawQuery(), expectedState);
      if (callback instanceof AuthorizationCallback.Foreign foreign) {
        diagnostics.accept("ignored a request to the login listener: " + foreign.reason());
        respond(exchange, 400, LandingPages.FOREIGN);
        return;
      }
      boolean success = callback instanceof AuthorizationCallback.Code;
      try {
        respond(exchange, 200, success ? LandingPages.SUCCESS : LandingPages.DECLINED);
      } finally {
        // the answer counts even if the browser hung up before reading the page
        offer(callback);
      }
    }
  }

  private static void respond(HttpExchange exchange, int status, String html) throws IOException {
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    exchange.getResponseHeaders().set("Connection", "close");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
