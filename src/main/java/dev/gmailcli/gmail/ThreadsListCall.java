package dev.gmailcli.gmail;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import dev.gmailcli.http.AuthorizedGet;
import dev.gmailcli.platform.PlainResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * users.threads.list, the call every listing starts with, sent as a plain authorized GET and read
 * with a streaming reader. Through the generated client it would first pay for google-http-client's
 * one-time reflection over the request, header, URL and model classes, which costs a one-call run
 * more than the call. The URL is the one the generated client builds; a refusal is the same {@link
 * GoogleJsonResponseException}.
 */
public final class ThreadsListCall {
  private final AuthorizedGet get;
  private final String url;

  /**
   * @param get sends the request, authorized
   * @param rootUrl Gmail's root URL, ending in {@code /}
   */
  public ThreadsListCall(AuthorizedGet get, String rootUrl) {
    this.get = get;
    this.url = rootUrl + "gmail/v1/users/me/threads?";
  }

  ThreadsPage execute(ListPage page) throws IOException {
    try (PlainResponse response = get.send(url + page.urlQuery());
        Reader json = new InputStreamReader(response.body(), StandardCharsets.UTF_8)) {
      return ThreadsPageJson.read(json);
    }
  }
}
