package dev.gmailcli.e2e;

import static dev.gmailcli.e2e.ErrorScenario.expiredLogin;
import static dev.gmailcli.e2e.ErrorScenario.of;
import static dev.gmailcli.e2e.ErrorScenario.validLogin;

import dev.gmailcli.standin.GoogleErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.stream.Stream;

/**
 * The README's rows for Google being unreachable or busy (exit 5), refusing a request (exit 6), and
 * the unexpected internal error (exit 1).
 */
final class GoogleErrorScenarios {
  static final String THREADS = LoginErrorScenarios.THREADS;

  private GoogleErrorScenarios() {}

  static Stream<ErrorScenario> scenarios() {
    return Stream.of(
        of(
            "gmail-unavailable",
            5,
            "could not list threads: HTTP 503 Service Unavailable (gave up after N attempts over N"
                + " s)",
            (google, cli) -> {
              google.failNext(THREADS, 100, 503, GoogleErrors.serviceUnavailable());
              return validLogin(google, cli).run("threads");
            }),
        of(
            "token-endpoint-unreachable",
            5,
            "could not refresh the access token: ConnectException",
            (google, cli) -> {
              return expiredLogin(google, cli)
                  .env("GMAILCLI_TOKEN_URI", "http://127.0.0.1:" + closedPort() + "/token")
                  .run("threads");
            }),
        of(
            "revoke-unavailable",
            5,
            "could not revoke the login: HTTP 503",
            (google, cli) -> {
              google.failNext("/revoke", 10, 503, "{}");
              return expiredLogin(google, cli).run("logout");
            }),
        gmailThreads(
            "gmail-rejects-the-query",
            6,
            "Gmail refused to list threads: HTTP 400: Invalid label: Label_999",
            "--label",
            "Label_999"),
        of(
            "gmail-has-no-such-label",
            6,
            "Gmail has no label \"No Such Label\"",
            (google, cli) -> {
              google.mailbox().addLabel("Label_42", "Receipts");
              return validLogin(google, cli).run("threads", "--label", "No Such Label");
            }),
        of(
            "gmail-api-not-enabled",
            6,
            "the Gmail API is not enabled for this OAuth client's project",
            (google, cli) -> {
              google.failNext(
                  THREADS,
                  1,
                  403,
                  GoogleErrors.apiError(
                      403,
                      "Gmail API has not been used in project 000000000000 before or it is"
                          + " disabled. Enable it by visiting"
                          + " https://console.developers.google.com/apis/api/gmail.googleapis.com/overview?project=000000000000"
                          + " then retry.",
                      "accessNotConfigured",
                      "PERMISSION_DENIED"));
              return validLogin(google, cli).run("threads");
            }),
        of(
            "token-endpoint-refuses",
            6,
            "Google refused to refresh the access token: HTTP 400 invalid_request",
            (google, cli) -> {
              google.failNext(
                  "/token",
                  1,
                  400,
                  GoogleErrors.oauthError(
                      "invalid_request", "Invalid parameter value for grant_type"));
              return expiredLogin(google, cli).run("threads");
            }),
        of(
            "unexpected-internal-error",
            1,
            "unexpected internal error: ",
            (google, cli) -> {
              // Gmail's answer does not fit the client library's model of it
              google.failNext(THREADS, 1, 200, "{\"threads\": 42}");
              return validLogin(google, cli).run("threads");
            }));
  }

  private static ErrorScenario gmailThreads(
      String name, int exitCode, String readme, String... options) {
    return of(
        name,
        exitCode,
        readme,
        (google, cli) -> {
          String[] args =
              Stream.concat(Stream.of("threads"), Stream.of(options)).toArray(String[]::new);
          return validLogin(google, cli).run(args);
        });
  }

  /** A loopback port nothing listens on (it was free a moment ago). */
  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
