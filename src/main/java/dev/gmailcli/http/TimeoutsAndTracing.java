package dev.gmailcli.http;

import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestInitializer;
import dev.gmailcli.platform.ProxyProbe;
import dev.gmailcli.platform.ProxySettings;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Settings every request to Google gets: connect and read timeouts, and (with --verbose) one line
 * per request naming method, URL, the proxy it goes through, and status. Bodies and headers are
 * never logged: they carry tokens and the client secret. A failure through a proxy that turns out
 * to be the proxy's becomes a {@link ProxyFailureException} naming it.
 */
public final class TimeoutsAndTracing implements HttpRequestInitializer {
  static final int CONNECT_TIMEOUT_MS = 20_000;
  static final int READ_TIMEOUT_MS = 60_000;

  private final Consumer<String> diagnostics;
  private final ProxySettings proxies;

  /** Without proxies (tests). */
  public TimeoutsAndTracing(Consumer<String> diagnostics) {
    this(diagnostics, ProxySettings.none());
  }

  /**
   * @param diagnostics receives request lines when --verbose is on; a no-op otherwise
   * @param proxies the proxies the environment names
   */
  public TimeoutsAndTracing(Consumer<String> diagnostics, ProxySettings proxies) {
    this.diagnostics = diagnostics;
    this.proxies = proxies;
  }

  @Override
  public void initialize(HttpRequest request) {
    request.setConnectTimeout(CONNECT_TIMEOUT_MS);
    request.setReadTimeout(READ_TIMEOUT_MS);
    // Failed statuses surface as exceptions and are retried by Retrier, not by the library; a
    // failure through a proxy is looked into (never retried here).
    Optional<ProxySettings.Route> proxy = route(request);
    request.setIOExceptionHandler(
        proxy.isEmpty() ? null : (failed, supportsRetry) -> blameProxy(failed, proxy.get()));
    request.setLoggingEnabled(false);
    request.setCurlLoggingEnabled(false);
    long[] started = new long[1];
    request.setInterceptor(
        r -> {
          started[0] = System.nanoTime();
          diagnostics.accept(
              r.getRequestMethod()
                  + " "
                  + shortened(r.getUrl().build())
                  + proxy.map(p -> " via proxy " + p.describe()).orElse(""));
        });
    request.setResponseInterceptor(
        response -> {
          diagnostics.accept(
              "  -> "
                  + response.getStatusCode()
                  + " in "
                  + (System.nanoTime() - started[0]) / 1_000_000
                  + " ms");
          if (response.getStatusCode() == 407 && proxy.isPresent()) {
            response.disconnect();
            throw new ProxyFailureException(
                "the proxy " + proxy.get().describe() + " " + ProxyProbe.refused(proxy.get()),
                false,
                null);
          }
        });
  }

  private Optional<ProxySettings.Route> route(HttpRequest request) {
    if (!proxies.any()) {
      return Optional.empty();
    }
    try {
      return proxies.routeFor(request.getUrl().toURI());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  // Called as the request failed: when the proxy is the reason, say so (else the failure stands).
  private boolean blameProxy(HttpRequest failed, ProxySettings.Route proxy) throws IOException {
    Optional<ProxyProbe.Problem> problem =
        ProxyProbe.diagnose(proxy, failed.getUrl().toURI(), CONNECT_TIMEOUT_MS);
    if (problem.isPresent()) {
      throw new ProxyFailureException(
          "the proxy " + proxy.describe() + " " + problem.get().what(),
          problem.get().worthRetrying(),
          null);
    }
    return false;
  }

  // Gmail and token URLs carry no secrets (those travel in headers and bodies); long ones are cut.
  private static String shortened(String url) {
    return url.length() > 300 ? url.substring(0, 300) + "…" : url;
  }
}
