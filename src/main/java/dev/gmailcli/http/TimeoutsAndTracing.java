package dev.gmailcli.http;

import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestInitializer;
import java.util.function.Consumer;

/**
 * Settings every request to Google gets: connect and read timeouts, and (with --verbose) one line
 * per request naming method, URL and status. Bodies and headers are never logged: they carry tokens
 * and the client secret.
 */
public final class TimeoutsAndTracing implements HttpRequestInitializer {
  static final int CONNECT_TIMEOUT_MS = 20_000;
  static final int READ_TIMEOUT_MS = 60_000;

  private final Consumer<String> diagnostics;

  /**
   * @param diagnostics receives request lines when --verbose is on; a no-op otherwise
   */
  public TimeoutsAndTracing(Consumer<String> diagnostics) {
    this.diagnostics = diagnostics;
  }

  @Override
  public void initialize(HttpRequest request) {
    request.setConnectTimeout(CONNECT_TIMEOUT_MS);
    request.setReadTimeout(READ_TIMEOUT_MS);
    // Failed statuses surface as exceptions and are retried by Retrier, not by the library.
    request.setIOExceptionHandler(null);
    request.setLoggingEnabled(false);
    request.setCurlLoggingEnabled(false);
    long[] started = new long[1];
    request.setInterceptor(
        r -> {
          started[0] = System.nanoTime();
          diagnostics.accept(r.getRequestMethod() + " " + shortened(r.getUrl().build()));
        });
    request.setResponseInterceptor(
        response ->
            diagnostics.accept(
                "  -> "
                    + response.getStatusCode()
                    + " in "
                    + (System.nanoTime() - started[0]) / 1_000_000
                    + " ms"));
  }

  // Gmail and token URLs carry no secrets (those travel in headers and bodies); long ones are cut.
  private static String shortened(String url) {
    return url.length() > 300 ? url.substring(0, 300) + "…" : url;
  }
}
