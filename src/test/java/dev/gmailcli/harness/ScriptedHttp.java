package dev.gmailcli.harness;

import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.LowLevelHttpResponse;
import com.google.api.client.testing.http.MockHttpTransport;
import com.google.api.client.testing.http.MockLowLevelHttpRequest;
import com.google.api.client.testing.http.MockLowLevelHttpResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A fake Google at the HTTP layer for unit tests (google-http-client's {@link MockHttpTransport}):
 * answers are scripted per method and URL prefix, every request is recorded with its body, and a
 * request no script matches is answered 404 and listed by {@link #unmatched()}.
 */
public final class ScriptedHttp extends MockHttpTransport {
  /** A request as sent. */
  public record Call(String method, String url, String body) {}

  private record Script(String method, String urlPrefix, int status, String body) {}

  private final List<Script> scripts = new ArrayList<>();
  private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
  private final List<Call> unmatched = Collections.synchronizedList(new ArrayList<>());

  /** Answers {@code method} requests to URLs starting with {@code urlPrefix} (JSON body). */
  public ScriptedHttp on(String method, String urlPrefix, int status, String json) {
    scripts.add(new Script(method, urlPrefix, status, json));
    return this;
  }

  /** Every request so far. */
  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Requests no script matched. */
  public List<Call> unmatched() {
    return List.copyOf(unmatched);
  }

  @Override
  public LowLevelHttpRequest buildRequest(String method, String url) {
    return new MockLowLevelHttpRequest(url) {
      @Override
      public LowLevelHttpResponse execute() throws IOException {
        Call call = new Call(method, url, getContentAsString());
        calls.add(call);
        for (Script script : scripts) {
          if (script.method().equals(method) && url.startsWith(script.urlPrefix())) {
            return new MockLowLevelHttpResponse()
                .setStatusCode(script.status())
                .setContentType("application/json; charset=UTF-8")
                .setContent(script.body());
          }
        }
        unmatched.add(call);
        return new MockLowLevelHttpResponse().setStatusCode(404).setContent("");
      }
    };
  }
}
