package dev.gmailcli.platform;

import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The proxies the environment names, as curl reads them: {@code HTTPS_PROXY} for https URLs, {@code
 * HTTP_PROXY} for http ones (the lower-case forms win), {@code NO_PROXY} for hosts reached directly
 * (a comma list of domain suffixes, host names, IP literals, or {@code *}). A proxy is {@code
 * host:port} or {@code http://[user:password@]host:port}; its password is never shown.
 *
 * @param https the proxy for https URLs, or null
 * @param http the proxy for http URLs, or null
 * @param noProxy entries of NO_PROXY, lower case, without leading dots
 * @param everythingDirect NO_PROXY is {@code *}
 */
public record ProxySettings(
    Route https, Route http, List<String> noProxy, boolean everythingDirect) {

  /**
   * One proxy.
   *
   * @param host its host
   * @param port its port
   * @param user the user for Proxy-Authorization, or null
   * @param password the password (never printed), or null
   * @param variable the environment variable that named it
   */
  public record Route(String host, int port, String user, String password, String variable) {
    /** The proxy for {@link java.net.HttpURLConnection}. */
    public Proxy proxy() {
      return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
    }

    /** The credentials, if the variable had any. */
    public Optional<PasswordAuthentication> credentials() {
      return user == null
          ? Optional.empty()
          : Optional.of(new PasswordAuthentication(user, password.toCharArray()));
    }

    /** "http://proxy.example:3128 (from HTTPS_PROXY)": no user, no password. */
    public String describe() {
      return "http://" + host + ":" + port + " (from " + variable + ")";
    }

    @Override
    public String toString() {
      return describe();
    }
  }

  /** Nothing configured: every connection is direct (or as the JVM's own settings say). */
  public static ProxySettings none() {
    return new ProxySettings(null, null, List.of(), false);
  }

  /**
   * Reads the environment.
   *
   * @throws IllegalArgumentException when a proxy variable is not a proxy address (the message
   *     names the variable, never its value: it may hold a password)
   */
  public static ProxySettings from(Map<String, String> env) {
    Route https = route(env, "https_proxy", "HTTPS_PROXY");
    Route http = route(env, "http_proxy", "HTTP_PROXY");
    String noProxy = firstSet(env, "no_proxy", "NO_PROXY");
    List<String> entries = new ArrayList<>();
    boolean all = false;
    if (noProxy != null) {
      for (String entry : noProxy.split("[,\\s]+")) {
        String value = entry.trim().toLowerCase(Locale.ROOT);
        if (value.equals("*")) {
          all = true;
        } else if (!value.isEmpty()) {
          entries.add(value.replaceFirst("^\\*?\\.", ""));
        }
      }
    }
    return new ProxySettings(https, http, List.copyOf(entries), all);
  }

  /** True when some URL would go through a proxy. */
  public boolean any() {
    return (https != null || http != null) && !everythingDirect;
  }

  /** The proxy for {@code url}, or empty for a direct connection. */
  public Optional<Route> routeFor(URI url) {
    Route route = "https".equalsIgnoreCase(url.getScheme()) ? https : http;
    if (route == null || everythingDirect || bypasses(url.getHost())) {
      return Optional.empty();
    }
    return Optional.of(route);
  }

  private boolean bypasses(String host) {
    if (host == null) {
      return false;
    }
    String name = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|\\]$", "");
    for (String entry : noProxy) {
      String bare = entry.replaceAll("^\\[|\\]$", "").replaceFirst(":\\d+$", "");
      if (name.equals(bare) || name.endsWith("." + bare)) {
        return true;
      }
    }
    return false;
  }

  private static Route route(Map<String, String> env, String lower, String upper) {
    String variable = env.get(lower) != null && !env.get(lower).isBlank() ? lower : upper;
    String value = env.get(variable);
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.trim();
    URI uri;
    try {
      uri = URI.create(text.contains("://") ? text : "http://" + text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(variable + " is not a proxy address");
    }
    if (uri.getHost() == null || !"http".equalsIgnoreCase(uri.getScheme())) {
      throw new IllegalArgumentException(
          variable + " is not a proxy address of the form http://[user:password@]host:port");
    }
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
      password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
    }
    int port = uri.getPort() > 0 ? uri.getPort() : 80;
    return new Route(uri.getHost(), port, user, password, variable);
  }

  private static String firstSet(Map<String, String> env, String lower, String upper) {
    String value = env.get(lower);
    return value != null && !value.isBlank() ? value : env.get(upper);
  }

  @Override
  public String toString() {
    return "ProxySettings[https=" + https + ", http=" + http + ", noProxy=" + noProxy + "]";
  }
}
