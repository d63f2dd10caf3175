package dev.gmailcli.platform;

import com.google.api.client.http.javanet.ConnectionFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * {@link PlainHttp} on the JDK's {@link HttpURLConnection}, opened by the same connection factory
 * as the process's google-http-client transport (proxies, and waiting for TLS to be set up), so a
 * plain GET goes exactly where a library request would.
 */
final class ConnectionPlainHttp implements PlainHttp {
  private final ConnectionFactory connections;

  ConnectionPlainHttp(ConnectionFactory connections) {
    this.connections = connections;
  }

  @Override
  public PlainResponse get(
      String url, Map<String, String> headers, int connectTimeoutMs, int readTimeoutMs)
      throws IOException {
    HttpURLConnection connection = connections.openConnection(new URL(url));
    connection.setRequestMethod("GET");
    connection.setInstanceFollowRedirects(false);
    connection.setConnectTimeout(connectTimeoutMs);
    connection.setReadTimeout(readTimeoutMs);
    headers.forEach(connection::setRequestProperty);
    int status = connection.getResponseCode();
    if (status < 0) {
      connection.disconnect();
      throw new IOException("the answer to GET " + url + " was not HTTP");
    }
    InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
    if (body != null && "gzip".equalsIgnoreCase(connection.getContentEncoding())) {
      body = new GZIPInputStream(body);
    }
    return new PlainResponse(
        status, connection.getResponseMessage(), connection.getHeaderFields(), body);
  }
}
