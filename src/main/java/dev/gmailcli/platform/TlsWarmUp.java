package dev.gmailcli.platform;

import javax.net.ssl.SSLContext;
import javax.security.auth.x500.X500Principal;

/**
 * The JDK's one-time HTTPS set-up, done ahead of the first request: starting the security
 * providers, loading and parsing the trust store, and creating the default {@link SSLContext}, the
 * one HttpsURLConnection uses when the transport sets no socket factory of its own. Nothing is sent
 * and nothing about verification changes: the request then uses that same context, trust store and
 * host-name check.
 */
final class TlsWarmUp {
  private TlsWarmUp() {}

  static void run() {
    try {
      SSLContext.getDefault();
      // certificate names are compared in canonical form, which starts the JDK's Unicode tables
      new X500Principal("CN=gmailcli, O=gmailcli").getName(X500Principal.CANONICAL);
    } catch (Exception e) {
      // the request will meet the same problem and report it
    }
  }
}
