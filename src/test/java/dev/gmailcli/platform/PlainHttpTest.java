package dev.gmailcli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plain GETs on the JDK's connections, as the process sends them, against a server on 127.0.0.1.
 */
class PlainHttpTest {
  private final List<Map<String, List<String>>> received = new CopyOnWriteArrayList<>();
  private final PlainHttp plain = HttpStack.forEnvironment(Map.of()).plain();
  private HttpServer server;
  private String base;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/gzip", exchange -> answer(exchange, 200, true, "{\"a\": \"é\"}"));
    server.createContext(
        "/echo",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          answer(exchange, 200, false, exchange.getRequestMethod() + " " + body);
        });
    server.createContext(
        "/refused",
        exchange -> {
          exchange.getResponseHeaders().add("Retry-After", "3");
          answer(exchange, 429, false, "{\"error\": {\"code\": 429}}");
        });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange, int status, boolean gzip, String body)
      throws IOException {
    received.add(Map.copyOf(exchange.getRequestHeaders()));
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (gzip) {
      ByteArrayOutputStream zipped = new ByteArrayOutputStream();
      try (OutputStream out = new GZIPOutputStream(zipped)) {
        out.write(bytes);
      }
      bytes = zipped.toByteArray();
      exchange.getResponseHeaders().add("Content-Encoding", "gzip");
    }
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Test
  void aGzippedAnswer_isReadDecompressed_andTheHeadersWereSent() throws IOException {
    try (PlainResponse response =
        plain.send(
            "GET",
            base + "/gzip",
            Map.of("Authorization", "Bearer t", "X-Test", "1"),
            null,
            5000,
            5000)) {
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.successful()).isTrue();
      assertThat(response.json()).isTrue();
      assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("{\"a\": \"é\"}");
    }
    assertThat(received.get(0))
        .containsEntry("Authorization", List.of("Bearer t"))
        .containsEntry("X-test", List.of("1"));
  }

  @Test
  void aPost_sendsItsBodyWithItsType() throws IOException {
    byte[] form = "grant_type=refresh_token&scope=a+b".getBytes(StandardCharsets.UTF_8);
    try (PlainResponse response =
        plain.send(
            "POST",
            base + "/echo",
            Map.of("Content-Type", "application/x-www-form-urlencoded"),
            form,
            5000,
            5000)) {
      assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("POST grant_type=refresh_token&scope=a+b");
    }
    assertThat(received.get(0))
        .containsEntry("Content-type", List.of("application/x-www-form-urlencoded"));
  }

  @Test
  void aRefusal_isAnAnswerToo_withItsBodyAndHeadersByAnyCase() throws IOException {
    try (PlainResponse response =
        plain.send("GET", base + "/refused", Map.of(), null, 5000, 5000)) {
      assertThat(response.status()).isEqualTo(429);
      assertThat(response.successful()).isFalse();
      assertThat(response.header("retry-after")).isEqualTo("3");
      assertThat(response.header("RETRY-AFTER")).isEqualTo("3");
      assertThat(response.header("X-Absent")).isNull();
      assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("{\"error\": {\"code\": 429}}");
    }
  }

  @Test
  void noServer_isAnIoFailure() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    assertThatThrownBy(
            () ->
                plain.send(
                    "GET", "http://127.0.0.1:" + closedPort + "/", Map.of(), null, 5000, 5000))
        .isInstanceOf(ConnectException.class);
  }
}
