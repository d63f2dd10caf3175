package dev.gmailcli.platform;

import com.google.api.client.http.javanet.ConnectionFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * {@link PlainHttp} on the JDK's {@link HttpURLConnection}, opened by the same connection factory
 * as the process's google-http-client transport (proxies, and waiting for TLS to be set up), so a
 * plain request goes exactly where a library request would.
 */
final class ConnectionPlainHttp implements PlainHttp {
  private final ConnectionFactory connections;

  ConnectionPlainHttp(ConnectionFactory connections) {
    this.connections = connections;
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
    HttpURLConnection connection = connections.openConnection(new URL(url));
    connection.setRequestMethod(method);
    connection.setInstanceFollowRedirects(false);
    connection.setConnectTimeout(connectTimeoutMs);
    connection.setReadTimeout(readTimeoutMs);
    headers.forEach(connection::setRequestProperty);
    if (body != null) {
      connection.setDoOutput(true);
      connection.setFixedLengthStreamingMode(body.length);
      try (OutputStream out = connection.getOutputStream()) {
        out.write(body);
      }
    }
    int status = connection.getResponseCode();
    if (status < 0) {
      connection.disconnect();
      throw new IOException("the answer to " + method + " " + url + " was not HTTP");
    }
    InputStream content = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
    if (content != null && "gzip".equalsIgnoreCase(connection.getContentEncoding())) {
      content = new GZIPInputStream(content);
    }
    return new PlainResponse(
        status, connection.getResponseMessage(), connection.getHeaderFields(), content);
  }
}
