package dev.gmailcli.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.gmailcli.ExitCode;
import dev.gmailcli.GmailCliException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoopbackReceiverTest {
  private static final String STATE = "fake-state-S";
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final List<String> diagnostics = new CopyOnWriteArrayList<>();
  private LoopbackReceiver receiver;

  @AfterEach
  void stop() {
    if (receiver != null) {
      receiver.stop();
    }
  }

  private LoopbackReceiver start(Duration timeout) {
    receiver = new LoopbackReceiver(0, STATE, timeout, diagnostics::add);
    return receiver;
  }

  private HttpResponse<String> get(String pathAndQuery) throws Exception {
    URI uri = URI.create(receiver.getRedirectUri()).resolve(pathAndQuery);
    return http.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static GmailCliException waitFailure(LoopbackReceiver receiver) {
    try {
      receiver.waitForCode();
    } catch (GmailCliException e) {
      return e;
    }
    throw new AssertionError("waitForCode() returned instead of failing");
  }

  @Test
  void redirectUri_isHttpOnIpv4LoopbackWithAPort() {
    String uri = start(Duration.ofSeconds(5)).getRedirectUri();

    assertThat(uri).matches("http://127\\.0\\.0\\.1:[1-9][0-9]*/");
    assertThat(receiver.getRedirectUri()).as("stable across calls").isEqualTo(uri);
  }

  @Test
  void listener_isNotReachableOnANonLoopbackAddress() throws Exception {
    Optional<InetAddress> external = nonLoopbackIpv4();
    assumeThat(external).as("a non-loopback IPv4 address on this machine").isPresent();
    int port = URI.create(start(Duration.ofSeconds(5)).getRedirectUri()).getPort();
    try (ServerSocket wildcard = new ServerSocket(0);
        Socket control = new Socket()) {
      control.connect(new InetSocketAddress(external.get(), wildcard.getLocalPort()), 2000);
      assertThat(control.isConnected()).as("the address is reachable from here").isTrue();
    }

    assertThatThrownBy(
            () -> {
              try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(external.get(), port), 2000);
              }
            })
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void rightState_gets200AndTheCode() throws Exception {
    start(Duration.ofSeconds(5));
    CompletableFuture<String> code = CompletableFuture.supplyAsync(receiver::waitForCode);

    HttpResponse<String> response = get("/?code=fake-code&state=" + STATE + "&scope=x");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("close this tab").doesNotContain("fake-code");
    assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(code.get(5, TimeUnit.SECONDS)).isEqualTo("fake-code");
  }

  @Test
  void wrongOrMissingState_gets400AndIsIgnored_thenRightOneWins() throws Exception {
    start(Duration.ofSeconds(5));

    HttpResponse<String> wrong = get("/?code=fake-wrong-code&state=fake-other-state");
    HttpResponse<String> missing = get("/?code=fake-wrong-code");
    HttpResponse<String> right = get("/?code=fake-code&state=" + STATE);

    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).doesNotContain("fake-wrong-code", "fake-other-state");
    assertThat(right.statusCode()).isEqualTo(200);
    assertThat(receiver.waitForCode()).isEqualTo("fake-code");
    assertThat(diagnostics).hasSize(2);
    assertThat(String.join("\n", diagnostics)).doesNotContain("fake-wrong-code", "fake-other");
  }

  @Test
  void rightStateWithoutCodeOrError_isIgnored() throws Exception {
    start(Duration.ofMillis(300));

    assertThat(get("/?state=" + STATE).statusCode()).isEqualTo(400);
    assertThat(waitFailure(receiver).getMessage()).contains("timed out");
  }

  @Test
  void accessDenied_isLoginRequiredSayingThePersonDeclined() throws Exception {
    start(Duration.ofSeconds(5));

    HttpResponse<String> response = get("/?error=access_denied&state=" + STATE);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("close this tab");
    GmailCliException e = waitFailure(receiver);
    assertThat(e.exitCode()).isEqualTo(ExitCode.LOGIN_REQUIRED);
    assertThat(e.getMessage()).contains("declined");
  }

  @Test
  void otherError_isLoginRequiredNamingTheError() throws Exception {
    start(Duration.ofSeconds(5));

    get("/?error=invalid_request&error_description=Missing+parameter&state=" + STATE);

    GmailCliException e = waitFailure(receiver);
    assertThat(e.exitCode()).isEqualTo(ExitCode.LOGIN_REQUIRED);
    assertThat(e.getMessage()).contains("invalid_request", "Missing parameter");
  }

  @Test
  void noAnswer_timesOutAsLoginRequired() {
    start(Duration.ofMillis(300)).getRedirectUri();
    long started = System.nanoTime();

    GmailCliException e = waitFailure(receiver);

    assertThat(e.exitCode()).isEqualTo(ExitCode.LOGIN_REQUIRED);
    assertThat(e.getMessage()).contains("timed out");
    assertThat(e.hint()).contains("--timeout");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void secondCallbackAfterSuccess_gets409_andDoesNotChangeTheCode() throws Exception {
    start(Duration.ofSeconds(5));

    get("/?code=fake-code&state=" + STATE);
    HttpResponse<String> second = get("/?code=fake-second-code&state=" + STATE);

    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(receiver.waitForCode()).isEqualTo("fake-code");
  }

  @Test
  void otherPathsAndMethods_get404_andAreNotTakenAsTheCallback() throws Exception {
    start(Duration.ofMillis(300));

    HttpResponse<String> favicon = get("/favicon.ico");
    HttpResponse<String> otherPath = get("/callback?code=fake-code&state=" + STATE);
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(URI.create(receiver.getRedirectUri() + "?code=c&state=" + STATE))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(List.of(favicon.statusCode(), otherPath.statusCode(), post.statusCode()))
        .containsOnly(404);
    assertThat(waitFailure(receiver).getMessage()).contains("timed out");
  }

  @Test
  void fixedPortInUse_isConfigErrorMentioningThePort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      receiver = new LoopbackReceiver(port, STATE, Duration.ofSeconds(1), s -> {});

      assertThatThrownBy(receiver::getRedirectUri)
          .isInstanceOfSatisfying(
              GmailCliException.class,
              e -> {
                assertThat(e.exitCode()).isEqualTo(ExitCode.CONFIG);
                assertThat(e.getMessage()).contains(String.valueOf(port), "in use");
                assertThat(e.hint()).contains("--port");
              });
    }
  }

  @Test
  void fixedFreePort_isUsed() throws Exception {
    int port = freePort();
    receiver = new LoopbackReceiver(port, STATE, Duration.ofSeconds(1), s -> {});

    assertThat(receiver.getRedirectUri()).isEqualTo("http://127.0.0.1:" + port + "/");
  }

  @Test
  void stop_freesThePort() throws Exception {
    int port = URI.create(start(Duration.ofSeconds(1)).getRedirectUri()).getPort();

    receiver.stop();

    try (ServerSocket again = new ServerSocket()) {
      again.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
    receiver.stop(); // a second stop is harmless
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  private static Optional<InetAddress> nonLoopbackIpv4() throws IOException {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
          return Optional.of(address);
        }
      }
    }
    return Optional.empty();
  }
}
