package dev.gmailcli.auth;

import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestInitializer;
import dev.gmailcli.http.AccessTokens;
import java.io.IOException;

/**
 * Authorizes library requests with an {@link AccessTokens}' bearer token. google-auth's adapter
 * would log and swallow refresh failures and refresh again on every 401; this lets failures surface
 * (invalid_grant → exit 3) and refreshes at most once per request.
 */
final class BearerRequests implements HttpRequestInitializer {
  private final HttpRequestInitializer settings;
  private final AccessTokens tokens;

  /**
   * @param settings applied to each request first (timeouts, tracing)
   */
  BearerRequests(HttpRequestInitializer settings, AccessTokens tokens) {
    this.settings = settings;
    this.tokens = tokens;
  }

  @Override
  public void initialize(HttpRequest request) throws IOException {
    settings.initialize(request);
    String sentWith = tokens.accessToken();
    request.getHeaders().setAuthorization("Bearer " + sentWith);
    boolean[] retried = {false};
    request.setUnsuccessfulResponseHandler(
        (req, response, supportsRetry) -> {
          if (response.getStatusCode() != 401 || retried[0] || !supportsRetry) {
            return false;
          }
          retried[0] = true;
          req.getHeaders().setAuthorization("Bearer " + tokens.renewedAfter(sentWith));
          return true;
        });
  }
}
