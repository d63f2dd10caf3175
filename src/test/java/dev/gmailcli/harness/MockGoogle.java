package dev.gmailcli.harness;

import com.google.api.client.testing.http.MockHttpTransport;
import com.google.api.client.testing.http.MockLowLevelHttpResponse;

/** google-http-client's mock transport answering every request alike, for unit tests. */
public final class MockGoogle {
  private MockGoogle() {}

  /** A transport whose every request gets this status, Content-Type and body. */
  public static MockHttpTransport answering(int status, String contentType, String body) {
    return new MockHttpTransport.Builder()
        .setLowLevelHttpResponse(
            new MockLowLevelHttpResponse()
                .setStatusCode(status)
                .setContentType(contentType)
                .setContent(body))
        .build();
  }
}
