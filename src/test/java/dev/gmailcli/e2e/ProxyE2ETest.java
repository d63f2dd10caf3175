package dev.gmailcli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailcli.harness.CliHarness;
import dev.gmailcli.harness.CliRun;
import dev.gmailcli.harness.ForwardProxy;
import dev.gmailcli.harness.ServiceAccountKeys;
import dev.gmailcli.harness.TestClock;
import dev.gmailcli.harness.TokenFixtures;
import dev.gmailcli.harness.WithGoogleStandIn;
import dev.gmailcli.standin.GoogleStandIn;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every Google call through the proxy the environment names: the stand-in is named {@code
 * gmail.invalid}, a host only the test's proxy can reach, so a request that bypassed the proxy
 * could not succeed.
 */
@WithGoogleStandIn
class ProxyE2ETest {
  GoogleStandIn google;
  CliHarness cli;
  ForwardProxy proxy;

  @BeforeEach
  void standInBehindAProxy() throws Exception {
    google.mailbox().generate(3);
    int port = URI.create(google.baseUrl()).getPort();
    cli.google("http://gmail.invalid:" + port + "/");
    String refresh = google.seedRefreshToken(TokenFixtures.READONLY);
    cli.token(TokenFixtures.expired(google, TestClock.NOW, refresh));
  }

  @AfterEach
  void closeProxy() throws Exception {
    if (proxy != null) {
      proxy.close();
    }
  }

  @Test
  void everyCall_refreshListAndBatch_goesThroughHttpProxy() throws Exception {
    proxy = ForwardProxy.open();
    cli.env("HTTP_PROXY", "127.0.0.1:" + proxy.port());

    CliRun run = cli.run("threads", "--max", "3", "--verbose");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines()).hasSize(3);
    assertThat(proxy.carried())
        .anySatisfy(r -> assertThat(r).startsWith("POST http://gmail.invalid:").endsWith("/token"))
        .anySatisfy(r -> assertThat(r).contains("/gmail/v1/users/me/threads?"))
        .anySatisfy(r -> assertThat(r).startsWith("POST ").endsWith("/batch"));
    assertThat(run.err())
        .contains("via proxy http://127.0.0.1:" + proxy.port() + " (from HTTP_PROXY)");
  }

  @Test
  void withoutTheProxy_theHostCannotBeReached() {
    CliRun run = cli.run("threads");

    assertThat(run.exitCode()).isEqualTo(5);
    assertThat(google.requests()).isEmpty();
  }

  @Test
  void lowerCaseWins_andNoProxyIsHonoured() throws Exception {
    proxy = ForwardProxy.open();
    cli.env("http_proxy", "http://127.0.0.1:" + proxy.port())
        .env("HTTP_PROXY", "http://127.0.0.1:1");

    assertThat(cli.run("threads", "--max", "1").exitCode()).isZero();
    int carried = proxy.carried().size();
    assertThat(carried).isPositive();

    CliRun direct = cli.env("NO_PROXY", "example.com,.invalid").run("threads", "--max", "1");
    assertThat(direct.exitCode())
        .as("gmail.invalid is reached directly, so not at all")
        .isEqualTo(5);
    assertThat(proxy.carried()).hasSize(carried);
  }

  @Test
  void proxyCredentials_areSent_andNeverPrinted() throws Exception {
    proxy = ForwardProxy.requiring("alice", "s3cret-Pw");
    cli.env("HTTP_PROXY", "http://alice:s3cret-Pw@127.0.0.1:" + proxy.port());

    CliRun run = cli.run("threads", "--max", "1", "--verbose");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(proxy.authorizations()).isNotEmpty();
    assertThat(run.out() + run.err()).doesNotContain("s3cret").doesNotContain("alice:");
  }

  @Test
  void aProxyThatRefusesTheCredentials_isExit5_namingIt() throws Exception {
    proxy = ForwardProxy.requiring("alice", "right");
    cli.env("HTTP_PROXY", "http://alice:wrong@127.0.0.1:" + proxy.port());

    assertRefusedTheCredentials(cli.run("threads"));
  }

  @Test
  void aServiceAccount_getsItsTokenThroughTheProxy_andIsToldWhenTheProxyFails() throws Exception {
    cli.clock(Clock.systemUTC()); // google-auth signs its JWTs with the system clock
    Path key = cli.home().resolve("keys/mail-job.json");
    ServiceAccountKeys.create(google, key);
    google.allowDelegation(ServiceAccountKeys.CLIENT_ID, TokenFixtures.READONLY);
    proxy = ForwardProxy.requiring("alice", "right");
    String[] args = {
      "threads", "-n", "1", "-v", "--service-account", key.toString(), "--subject", "a@corp.example"
    };

    cli.env("HTTP_PROXY", "http://alice:right@127.0.0.1:" + proxy.port());
    CliRun worked = cli.run(args);

    assertThat(worked.exitCode()).as(worked.err()).isZero();
    assertThat(proxy.carried())
        .anySatisfy(r -> assertThat(r).startsWith("POST http://gmail.invalid:").endsWith("/token"));
    assertThat(worked.err())
        .containsPattern(
            "debug: POST http://gmail\\.invalid:\\d+/token via proxy http://127\\.0\\.0\\.1:"
                + proxy.port()
                + " \\(from HTTP_PROXY\\)\ndebug:   -> ok in ");

    CliRun refused =
        cli.env("HTTP_PROXY", "http://alice:wrong@127.0.0.1:" + proxy.port()).run(args);

    assertRefusedTheCredentials(refused);

    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    CliRun unreachable = cli.env("HTTP_PROXY", "http://127.0.0.1:" + closed).run(args);

    assertThat(unreachable.exitCode()).as(unreachable.err()).isEqualTo(5);
    assertThat(unreachable.err())
        .contains("the proxy http://127.0.0.1:" + closed + " (from HTTP_PROXY) cannot be reached");
  }

  @Test
  void aProxyThatCannotBeReached_isExit5_namingIt() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    cli.env("HTTP_PROXY", "http://127.0.0.1:" + closed);

    CliRun run = cli.run("threads");

    assertThat(run.exitCode()).isEqualTo(5);
    assertThat(run.err())
        .contains("the proxy http://127.0.0.1:" + closed + " (from HTTP_PROXY) cannot be reached");
  }

  @Test
  void aProxyVariableThatIsNoAddress_isAConfigurationError() {
    CliRun run = cli.env("HTTPS_PROXY", "socks5://127.0.0.1:1080").run("threads");

    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.err()).contains("HTTPS_PROXY is not a proxy address");
  }

  // exit 5 naming the proxy and what it refused, never the wrong password itself
  private void assertRefusedTheCredentials(CliRun run) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(5);
    assertThat(run.err())
        .contains(
            "the proxy http://127.0.0.1:"
                + proxy.port()
                + " (from HTTP_PROXY) refused the user and password in HTTP_PROXY (407)")
        .contains("hint: check the proxy")
        .doesNotContain("wrong");
  }
}
