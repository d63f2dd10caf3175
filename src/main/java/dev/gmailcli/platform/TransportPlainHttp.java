package dev.gmailcli.platform;

import com.google.api.client.http.ByteArrayContent;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.HttpTransport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link PlainHttp} through a google-http-client transport made elsewhere (a test's fake Google):
 * the same request, sent the library's way.
 */
final class TransportPlainHttp implements PlainHttp {
  private final HttpTransport transport;

  TransportPlainHttp(HttpTransport transport) {
    this.transport = transport;
  }

  @Override
  public PlainResponse send(
      String method,
      String url,
      Map<String, String> headers,
      byte[] body,
      int connectTimeoutMs,
      int readTimeoutMs)
      throws IOException {
    String type = null;
    Map<String, String> others = new LinkedHashMap<>();
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase("Content-Type")) {
        type = header.getValue();
      } else {
        others.put(header.getKey(), header.getValue());
      }
    }
    HttpRequest request =
        transport
            .createRequestFactory()
            .buildRequest(
                method,
                new GenericUrl(url),
                body == null ? null : new ByteArrayContent(type, body));
    others.forEach((name, value) -> request.getHeaders().set(name, List.of(value)));
    request.setConnectTimeout(connectTimeoutMs);
    request.setReadTimeout(readTimeoutMs);
    request.setFollowRedirects(false);
    request.setThrowExceptionOnExecuteError(false);
    request.setLoggingEnabled(false);
    HttpResponse response = request.execute();
    return new PlainResponse(
        response.getStatusCode(),
        response.getStatusMessage(),
        valuesByName(response.getHeaders()),
        response.getContent());
  }

  private static Map<String, List<String>> valuesByName(HttpHeaders headers) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    headers.forEach(
        (name, value) -> {
          List<String> strings = new ArrayList<>();
          if (value instanceof Collection<?> many) {
            many.forEach(one -> strings.add(String.valueOf(one)));
          } else if (value != null) {
            strings.add(String.valueOf(value));
          }
          values.put(name, strings);
        });
    return values;
  }
}
