package dev.gmailcli.standin;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Request/response values shared by the stand-in's endpoints (top-level and inside batches). */
final class StandInHttp {

  private StandInHttp() {}

  /**
   * One HTTP request as the router sees it.
   *
   * @param headers header names lower-cased
   */
  record Req(
      String method,
      String path,
      Map<String, List<String>> query,
      Map<String, List<String>> headers,
      byte[] body,
      boolean inBatch) {

    String param(String name) {
      List<String> values = query.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    List<String> params(String name) {
      return query.getOrDefault(name, List.of());
    }

    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** Form parameters when the body is application/x-www-form-urlencoded, else empty. */
    Map<String, List<String>> form() {
      String type = header("content-type");
      if (type == null
          || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
        return Map.of();
      }
      return parseQuery(bodyText());
    }

    String formParam(String name) {
      List<String> values = form().get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  /** One HTTP response; header names keep their case. */
  record Resp(int status, Map<String, String> headers, byte[] body) {

    static Resp json(int status, String json) {
      return new Resp(
          status,
          Map.of("Content-Type", "application/json; charset=UTF-8"),
          json.getBytes(StandardCharsets.UTF_8));
    }

    static Resp text(int status, String text) {
      return new Resp(
          status,
          Map.of("Content-Type", "text/html; charset=UTF-8"),
          text.getBytes(StandardCharsets.UTF_8));
    }

    static Resp redirect(String location) {
      return new Resp(302, Map.of("Location", location), new byte[0]);
    }

    Resp withHeader(String name, String value) {
      Map<String, String> copy = new LinkedHashMap<>(headers);
      copy.put(name, value);
      return new Resp(status, Collections.unmodifiableMap(copy), body);
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** Parses {@code a=1&b=2&a=3} (also a form body), decoding {@code +} and percent escapes. */
  static Map<String, List<String>> parseQuery(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return out;
  }

  static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s; // malformed escape: keep raw, the endpoint will reject the value
    }
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
