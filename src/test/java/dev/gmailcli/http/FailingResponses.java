package dev.gmailcli.http;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.json.Json;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.client.testing.http.MockHttpTransport;
import com.google.api.client.testing.http.MockLowLevelHttpResponse;
import java.io.IOException;

/** Real google-http-client exceptions, made by executing a request against a mock transport. */
final class FailingResponses {
  private FailingResponses() {}

  static HttpResponseException plain(int status, String retryAfter) {
    try {
      execute(status, retryAfter, "text/plain", "failed", true);
    } catch (HttpResponseException e) {
      return e;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("status " + status + " did not fail");
  }

  /** As the generated Gmail client reports a failure: with the parsed JSON error. */
  static GoogleJsonResponseException json(int status, String reason, String retryAfter) {
    String body =
        "{\"error\": {\"code\": "
            + status
            + ", \"message\": \"fake message\", \"errors\":"
            + " [{\"reason\": \""
            + reason
            + "\", \"domain\": \"usageLimits\"}]}}";
    try {
      return GoogleJsonResponseException.from(
          GsonFactory.getDefaultInstance(), response(status, retryAfter, Json.MEDIA_TYPE, body));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static HttpResponse response(
      int status, String retryAfter, String contentType, String body) throws IOException {
    return execute(status, retryAfter, contentType, body, false);
  }

  private static HttpResponse execute(
      int status, String retryAfter, String contentType, String body, boolean throwOnError)
      throws IOException {
    MockLowLevelHttpResponse low =
        new MockLowLevelHttpResponse()
            .setStatusCode(status)
            .setReasonPhrase("Fake Reason")
            .setContentType(contentType)
            .setContent(body);
    if (retryAfter != null) {
      low.addHeader("Retry-After", retryAfter);
    }
    MockHttpTransport transport =
        new MockHttpTransport.Builder().setLowLevelHttpResponse(low).build();
    return transport
        .createRequestFactory()
        .buildGetRequest(new GenericUrl("https://gmail.example.test/gmail/v1/users/me/threads"))
        .setThrowExceptionOnExecuteError(throwOnError)
        .setNumberOfRetries(0)
        .execute();
  }
}
