package dev.gmailcli.platform;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.ConnectionFactory;
import com.google.api.client.http.javanet.DefaultConnectionFactory;
import com.google.api.client.http.javanet.NetHttpTransport;
import java.util.Map;

/**
 * The HTTP transport for Google calls, with the environment's proxies. Java's own proxy settings
 * ({@code -Dhttps.proxyHost} and friends, e.g. in GMAILCLI_JAVA_OPTS) win when they are given: they
 * were set for gmailcli on purpose.
 */
public final class HttpTransports {
  private HttpTransports() {}

  /**
   * A transport that goes through the proxies {@code env} names (none when a proxy variable cannot
   * be read: the command reports that when it starts).
   */
  public static HttpTransport forEnvironment(Map<String, String> env) {
    return forProxies(proxies(env));
  }

  static ProxySettings proxies(Map<String, String> env) {
    try {
      return ProxySettings.from(env);
    } catch (IllegalArgumentException unreadable) {
      return ProxySettings.none();
    }
  }

  static HttpTransport forProxies(ProxySettings proxies) {
    return new NetHttpTransport.Builder().setConnectionFactory(connections(proxies)).build();
  }

  static ConnectionFactory connections(ProxySettings proxies) {
    return proxies.any() && !javaProxySettings()
        ? new ProxiedConnections(proxies)
        : new DefaultConnectionFactory();
  }

  /** True when the JVM was given proxy settings of its own. */
  static boolean javaProxySettings() {
    return System.getProperty("https.proxyHost") != null
        || System.getProperty("http.proxyHost") != null
        || Boolean.getBoolean("java.net.useSystemProxies");
  }
}
