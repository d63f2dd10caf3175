package dev.gmailcli.platform;

import java.io.IOException;
import java.util.Map;

/**
 * Sends a request without google-http-client's request and header classes. Those classes inspect
 * themselves by reflection once per process, which costs a short run more than its calls; this is
 * how such a run sends them (see {@link HttpStack#plain}).
 */
@FunctionalInterface
public interface PlainHttp {
  /**
   * Sends {@code method url} with {@code headers} and returns the answer, whatever its status.
   *
   * @param body the request's content (its type among the headers), or null for none
   * @throws IOException when no answer came (connection refused, timed out, reset…)
   */
  PlainResponse send(
      String method,
      String url,
      Map<String, String> headers,
      byte[] body,
      int connectTimeoutMs,
      int readTimeoutMs)
      throws IOException;
}
