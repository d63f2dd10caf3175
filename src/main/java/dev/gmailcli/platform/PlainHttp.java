package dev.gmailcli.platform;

import java.io.IOException;
import java.util.Map;

/**
 * Sends a GET without google-http-client's request and header classes. Those classes inspect
 * themselves by reflection once per process, which costs a one-call run more than the call itself;
 * this is how such a run sends its one call (see {@link HttpStack#plain}).
 */
@FunctionalInterface
public interface PlainHttp {
  /**
   * Sends {@code GET url} with {@code headers} and returns Google's answer, whatever its status.
   *
   * @throws IOException when no answer came (connection refused, timed out, reset…)
   */
  PlainResponse get(
      String url, Map<String, String> headers, int connectTimeoutMs, int readTimeoutMs)
      throws IOException;
}
