package dev.gmailcli.http;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.http.LowLevelHttpResponse;
import com.google.api.client.json.JsonObjectParser;
import com.google.api.client.json.gson.GsonFactory;
import dev.gmailcli.platform.PlainResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a refusal read as a {@link PlainResponse} into the exception Google's libraries would have
 * thrown for it: status, headers (for Retry-After and Date) and content, which {@link
 * TransientFailures} and gmailcli's error messages read. A Google API's refusal also carries its
 * parsed {@code error} object ({@link GoogleJsonResponseException}).
 */
public final class ErrorResponses {
  // an error body is a few hundred bytes; a proxy's HTML page need not be read whole
  private static final int MAX_BODY = 64 * 1024;

  private ErrorResponses() {}

  /** A Google API's refusal, as google-api-client throws it. */
  public static GoogleJsonResponseException googleJson(
      String method, String url, PlainResponse response) throws IOException {
    String content = content(response);
    GoogleJsonError details = response.json() ? details(content) : null;
    return new GoogleJsonResponseException(
        builder(
            method, url, response, content, details != null ? details.toPrettyString() : content),
        details);
  }

  /** Any other refusal (the OAuth token endpoint's), as google-http-client throws it. */
  public static HttpResponseException http(String method, String url, PlainResponse response)
      throws IOException {
    String content = content(response);
    return builder(method, url, response, content, content).build();
  }

  private static String content(PlainResponse response) throws IOException {
    return new String(response.body().readNBytes(MAX_BODY), StandardCharsets.UTF_8);
  }

  private static HttpResponseException.Builder builder(
      String method, String url, PlainResponse response, String content, String detail)
      throws IOException {
    HttpHeaders headers = new HttpHeaders();
    headers.fromHttpResponse(new HeadersOnly(response), null);
    StringBuilder message = new StringBuilder().append(response.status());
    if (!response.reason().isEmpty()) {
      message.append(' ').append(response.reason());
    }
    message.append('\n').append(method).append(' ').append(url);
    if (!detail.isEmpty()) {
      message.append('\n').append(detail);
    }
    return new HttpResponseException.Builder(response.status(), response.reason(), headers)
        .setContent(content)
        .setMessage(message.toString());
  }

  private static GoogleJsonError details(String content) {
    try {
      return new JsonObjectParser.Builder(GsonFactory.getDefaultInstance())
          .setWrapperKeys(Set.of("error"))
          .build()
          .parseAndClose(new StringReader(content), GoogleJsonError.class);
    } catch (IOException | IllegalArgumentException e) {
      // not the JSON error object it claims to be: the status and the text stand
      return null;
    }
  }

  /** The answer's headers, as google-http-client reads them into {@link HttpHeaders}. */
  private static final class HeadersOnly extends LowLevelHttpResponse {
    private final List<String> names = new ArrayList<>();
    private final List<String> values = new ArrayList<>();
    private final PlainResponse response;

    HeadersOnly(PlainResponse response) {
      this.response = response;
      response
          .headers()
          .forEach(
              (name, all) ->
                  all.forEach(
                      value -> {
                        names.add(name);
                        values.add(value);
                      }));
    }

    @Override
    public InputStream getContent() {
      return InputStream.nullInputStream();
    }

    @Override
    public String getContentEncoding() {
      return null;
    }

    @Override
    public long getContentLength() {
      return -1;
    }

    @Override
    public String getContentType() {
      return response.header("Content-Type");
    }

    @Override
    public String getStatusLine() {
      return null;
    }

    @Override
    public int getStatusCode() {
      return response.status();
    }

    @Override
    public String getReasonPhrase() {
      return response.reason();
    }

    @Override
    public int getHeaderCount() {
      return names.size();
    }

    @Override
    public String getHeaderName(int index) {
      return names.get(index);
    }

    @Override
    public String getHeaderValue(int index) {
      return values.get(index);
    }
  }
}
