package dev.gmailcli.platform;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.security.auth.x500.X500Principal;

/**
 * The JDK's one-time HTTPS set-up, done ahead of the first request: loading the trust store and the
 * security providers, creating the default {@link SSLContext}, and producing one ClientHello in
 * memory (key shares and all), which loads and exercises the handshake code. Nothing is sent and
 * nothing about verification changes: the request then uses the same default context, trust store
 * and host-name check as without this.
 */
final class TlsWarmUp {
  private TlsWarmUp() {}

  static void run() {
    try {
      // the context HttpsURLConnection uses when the transport sets no socket factory of its own
      SSLEngine engine = SSLContext.getDefault().createSSLEngine("gmail.googleapis.com", 443);
      engine.setUseClientMode(true);
      engine.beginHandshake();
      ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
      engine.wrap(ByteBuffer.allocate(0), out);
      engine.closeOutbound();
      // certificate names are compared in canonical form, which starts the JDK's Unicode tables
      new X500Principal("CN=gmailcli, O=gmailcli").getName(X500Principal.CANONICAL);
    } catch (Exception e) {
      // the request will meet the same problem and report it
    }
  }
}
