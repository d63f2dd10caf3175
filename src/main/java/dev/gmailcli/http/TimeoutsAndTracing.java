package dev.gmailcli.http;

import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpResponseException;
import dev.gmailcli.platform.PlainHttp;
import dev.gmailcli.platform.PlainResponse;
import dev.gmailcli.platform.ProxyProbe;
import dev.gmailcli.platform.ProxySettings;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
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
    Optional<ProxySettings.Route> proxy = route(request.getUrl().toURI());
    request.setIOExceptionHandler(
        proxy.isEmpty() ? null : (failed, supportsRetry) -> blameProxy(failed, proxy.get()));
    request.setLoggingEnabled(false);
    request.setCurlLoggingEnabled(false);
    long[] started = new long[1];
    request.setInterceptor(
        r -> {
          started[0] = System.nanoTime();
          diagnostics.accept(requestLine(r.getRequestMethod(), r.getUrl().build(), proxy));
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
            throw refusedBy(proxy.get());
          }
        });
  }

  /**
   * For a request a library makes on its own, without an initializer (google-auth's token request
   * for a service account): one {@code debug:} line before and one after, as for every other
   * request, and a failure that turns out to be the proxy's becomes a {@link ProxyFailureException}
   * naming it.
   */
  public <T> T traced(String method, URI url, Retrier.IoCall<T> call) throws IOException {
    Optional<ProxySettings.Route> proxy = route(url);
    diagnostics.accept(requestLine(method, url.toString(), proxy));
    long started = System.nanoTime();
    try {
      T result = call.call();
      diagnostics.accept("  -> ok in " + (System.nanoTime() - started) / 1_000_000 + " ms");
      return result;
    } catch (HttpResponseException e) {
      diagnostics.accept(
          "  -> " + e.getStatusCode() + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
      if (e.getStatusCode() == 407 && proxy.isPresent()) {
        // no cause: Google's answer was never seen, and callers judge failures by their causes
        throw refusedBy(proxy.get());
      }
      throw e;
    } catch (ProxyFailureException e) {
      throw e;
    } catch (IOException e) {
      Optional<ProxyFailureException> problem =
          proxy.isPresent() ? problemWith(proxy.get(), url) : Optional.empty();
      if (problem.isPresent()) {
        throw problem.get();
      }
      throw e;
    }
  }

  /**
   * Sends a plain request with the settings every library request gets: the timeouts, the --verbose
   * lines, a 407 from a proxy and a failure that turns out to be the proxy's reported as {@link
   * ProxyFailureException}s naming it. Any other answer is returned, whatever its status.
   *
   * @param body the request's content, or null (it is never logged)
   */
  public PlainResponse send(
      PlainHttp http, String method, String url, Map<String, String> headers, byte[] body)
      throws IOException {
    URI uri = URI.create(url);
    Optional<ProxySettings.Route> proxy = route(uri);
    diagnostics.accept(requestLine(method, url, proxy));
    long started = System.nanoTime();
    PlainResponse response;
    try {
      response = http.send(method, url, headers, body, CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS);
    } catch (IOException e) {
      Optional<ProxyFailureException> problem =
          proxy.isPresent() ? problemWith(proxy.get(), uri) : Optional.empty();
      if (problem.isPresent()) {
        throw problem.get();
      }
      throw e;
    }
    diagnostics.accept(
        "  -> " + response.status() + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    if (response.status() == 407 && proxy.isPresent()) {
      response.close();
      throw refusedBy(proxy.get());
    }
    return response;
  }

  private Optional<ProxySettings.Route> route(URI url) {
    if (!proxies.any()) {
      return Optional.empty();
    }
    try {
      return proxies.routeFor(url);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  // Called as the request failed: when the proxy is the reason, say so (else the failure stands).
  private boolean blameProxy(HttpRequest failed, ProxySettings.Route proxy) throws IOException {
    Optional<ProxyFailureException> problem = problemWith(proxy, failed.getUrl().toURI());
    if (problem.isPresent()) {
      throw problem.get();
    }
    return false;
  }

  /** The proxy's own failure, when probing it shows one (a failure of Google's stands). */
  private static Optional<ProxyFailureException> problemWith(ProxySettings.Route proxy, URI url) {
    return ProxyProbe.diagnose(proxy, url, CONNECT_TIMEOUT_MS)
        .map(
            problem ->
                new ProxyFailureException(
                    "the proxy " + proxy.describe() + " " + problem.what(),
                    problem.worthRetrying(),
                    null));
  }

  private static ProxyFailureException refusedBy(ProxySettings.Route proxy) {
    return new ProxyFailureException(
        "the proxy " + proxy.describe() + " " + ProxyProbe.refused(proxy), false, null);
  }

  private static String requestLine(
      String method, String url, Optional<ProxySettings.Route> proxy) {
    return method + " " + shortened(url) + proxy.map(p -> " via proxy " + p.describe()).orElse("");
  }

  // Gmail and token URLs carry no secrets (those travel in headers and bodies); long ones are cut.
  private static String shortened(String url) {
    return url.length() > 300 ? url.substring(0, 300) + "…" : url;
  }
}
