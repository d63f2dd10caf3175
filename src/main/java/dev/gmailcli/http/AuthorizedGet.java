package dev.gmailcli.http;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import dev.gmailcli.platform.PlainHttp;
import dev.gmailcli.platform.PlainResponse;
import java.io.IOException;
import java.util.Map;

/**
 * An authorized GET to a Google API sent as a {@link PlainHttp} request, behaving as the generated
 * client's would: the access token in the Authorization header, once more with a renewed token
 * after a 401, the settings of {@link TimeoutsAndTracing}, and any answer but 2xx thrown as the
 * {@link GoogleJsonResponseException} the client would throw.
 */
public final class AuthorizedGet {
  private final PlainHttp http;
  private final TimeoutsAndTracing settings;
  private final AccessTokens tokens;
  private final String userAgent;

  /**
   * @param userAgent sent as User-Agent, e.g. {@code gmailcli/1.0}
   */
  public AuthorizedGet(
      PlainHttp http, TimeoutsAndTracing settings, AccessTokens tokens, String userAgent) {
    this.http = http;
    this.settings = settings;
    this.tokens = tokens;
    this.userAgent = userAgent;
  }

  /**
   * Sends {@code GET url}; the caller reads the 2xx answer and closes it.
   *
   * @throws GoogleJsonResponseException for any other answer
   * @throws IOException when no answer came
   */
  public PlainResponse send(String url) throws IOException {
    String token = tokens.accessToken();
    PlainResponse first = settings.send(http, "GET", url, headers(token), null);
    PlainResponse response = first;
    if (first.status() == 401) {
      first.close();
      response = settings.send(http, "GET", url, headers(tokens.renewedAfter(token)), null);
    }
    if (response.successful()) {
      return response;
    }
    try (PlainResponse refusal = response) {
      throw ErrorResponses.googleJson("GET", url, refusal);
    }
  }

  private Map<String, String> headers(String token) {
    return Map.of(
        "Authorization", "Bearer " + token, "User-Agent", userAgent, "Accept-Encoding", "gzip");
  }
}
