package dev.gmailcli.platform;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An answer to a {@link PlainHttp} GET. The body is decompressed already; closing the answer lets
 * its connection be used again.
 *
 * @param status the HTTP status
 * @param reason the status line's reason phrase, or ""
 * @param headers header values by name (names compare without case)
 * @param body the content ({@code gzip} undone)
 */
public record PlainResponse(
    int status, String reason, Map<String, List<String>> headers, InputStream body)
    implements Closeable {

  public PlainResponse {
    reason = reason == null ? "" : reason;
    Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(
        (name, values) -> {
          if (name != null && values != null) {
            byName.put(name, List.copyOf(values));
          }
        });
    headers = byName;
    body = body == null ? InputStream.nullInputStream() : body;
  }

  /** Whether the status is 2xx. */
  public boolean successful() {
    return status >= 200 && status < 300;
  }

  /** The first value of header {@code name}, or null. */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Whether the content is JSON (by its Content-Type). */
  public boolean json() {
    String type = header("Content-Type");
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json");
  }

  @Override
  public void close() throws IOException {
    body.close();
  }
}
