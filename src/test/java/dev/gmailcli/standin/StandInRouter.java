package dev.gmailcli.standin;

import com.sun.net.httpserver.HttpExchange;
import dev.gmailcli.standin.StandInHttp.Req;
import dev.gmailcli.standin.StandInHttp.Resp;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routes a request (top-level or batch part) to its endpoint, applies injected faults and the
 * quota, and records it. Batch parts go through {@link #handle} exactly like top-level requests.
 */
final class StandInRouter {

  /** Google's documented per-batch limit for Gmail. */
  static final int MAX_BATCH_PARTS = 100;

  private static final Pattern GMAIL =
      Pattern.compile(
          "/gmail/v1/users/([^/]+)/(profile|threads|labels|messages|history)(?:/([^/]+))?");

  private record Route(String kind, String userId, String threadId) {}

  private final OAuthEndpoints oauth;
  private final GmailEndpoints gmail;
  private final StandInFaults faults;
  private final StandInQuota quota;
  private final List<RecordedRequest> recorded = new ArrayList<>();

  StandInRouter(
      OAuthEndpoints oauth, GmailEndpoints gmail, StandInFaults faults, StandInQuota quota) {
    this.oauth = oauth;
    this.gmail = gmail;
    this.faults = faults;
    this.quota = quota;
  }

  Resp handle(Req req) {
    Route route = route(req);
    Resp resp = faults.takeForPath(req.path());
    if (resp == null && req.inBatch() && route.kind().equals("threads.get")) {
      resp = faults.takeForThread(route.threadId());
    }
    if (resp == null) {
      resp = quota.charge(route.kind());
    }
    if (resp == null) {
      resp = dispatch(route, req);
    }
    record(route.kind(), req, resp.status());
    return resp;
  }

  private static Route route(Req r) {
    String m = r.method();
    String p = r.path();
    boolean get = m.equals("GET");
    boolean post = m.equals("POST");
    if (!r.inBatch()) {
      if (get && (p.equals("/o/oauth2/auth") || p.equals("/o/oauth2/v2/auth"))) {
        return new Route("auth", null, null);
      }
      if (post && p.equals("/token")) {
        String grant = r.formParam("grant_type");
        String kind =
            "authorization_code".equals(grant)
                ? "token.code"
                : "refresh_token".equals(grant)
                    ? "token.refresh"
                    : OAuthEndpoints.JWT_BEARER.equals(grant) ? "token.jwt" : "token";
        return new Route(kind, null, null);
      }
      if ((post || get) && (p.equals("/revoke") || p.equals("/o/oauth2/revoke"))) {
        return new Route("revoke", null, null);
      }
      if (post && (p.equals("/batch") || p.equals("/batch/gmail/v1"))) {
        return new Route("batch", null, null);
      }
    }
    Matcher g = GMAIL.matcher(p);
    if (get && g.matches()) {
      String what = g.group(2);
      String id = g.group(3);
      if (what.equals("threads")) {
        return new Route(id == null ? "threads.list" : "threads.get", g.group(1), id);
      }
      if (id == null) {
        String kind =
            switch (what) {
              case "profile" -> "profile";
              case "labels" -> "labels.list";
              default -> what + ".list";
            };
        return new Route(kind, g.group(1), null);
      }
    }
    return new Route("unmatched", null, null);
  }

  private Resp dispatch(Route route, Req req) {
    return switch (route.kind()) {
      case "auth" -> oauth.authorize(req);
      case "token", "token.code", "token.refresh", "token.jwt" -> oauth.token(req);
      case "revoke" -> oauth.revoke(req);
      case "batch" -> batch(req);
      case "profile",
          "labels.list",
          "threads.list",
          "threads.get",
          "messages.list",
          "history.list" ->
          gmail.handle(route.kind(), route.userId(), route.threadId(), req);
      default ->
          Resp.text(
              404,
              "<!DOCTYPE html><title>Error 404 (Not Found)!!1</title>"
                  + "<p><b>404.</b> The requested URL <code>"
                  + req.path().replace("<", "&lt;")
                  + "</code> was not found on this server.\n");
    };
  }

  private Resp batch(Req req) {
    String boundary = MultipartBatch.boundaryOf(req.header("content-type"));
    List<MultipartBatch.Part> parts;
    try {
      parts = boundary == null ? List.of() : MultipartBatch.parse(req.body(), boundary);
    } catch (IllegalArgumentException e) {
      return GmailEndpoints.error(
          400,
          "Failed to parse batch request, error: " + e.getMessage(),
          "badRequest",
          "INVALID_ARGUMENT");
    }
    if (parts.isEmpty()) {
      return GmailEndpoints.error(
          400, "Invalid multipart request with 0 mime parts.", "badRequest", "INVALID_ARGUMENT");
    }
    if (parts.size() > MAX_BATCH_PARTS) {
      return GmailEndpoints.error(
          400,
          "Too many requests in batch: " + parts.size() + ", the limit is " + MAX_BATCH_PARTS + ".",
          "badRequest",
          "INVALID_ARGUMENT");
    }
    List<Resp> responses = new ArrayList<>(parts.size());
    for (MultipartBatch.Part part : parts) {
      responses.add(handle(subRequest(req, part)));
    }
    return MultipartBatch.render(parts, responses);
  }

  /** A batch part as a request; outer headers other than Content-* apply unless overridden. */
  private static Req subRequest(Req outer, MultipartBatch.Part part) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    outer
        .headers()
        .forEach(
            (name, values) -> {
              if (!name.startsWith("content-")
                  && !name.equals("host")
                  && !name.equals("connection")
                  && !name.equals("transfer-encoding")) {
                headers.put(name, values);
              }
            });
    headers.putAll(part.headers());
    String path;
    String rawQuery;
    try {
      URI uri = URI.create(part.target());
      path = uri.getPath();
      rawQuery = uri.getRawQuery();
    } catch (IllegalArgumentException e) {
      path = part.target();
      rawQuery = null;
    }
    return new Req(
        part.method(),
        path == null ? "" : path,
        StandInHttp.parseQuery(rawQuery),
        headers,
        part.body(),
        true);
  }

  private void record(String kind, Req req, int status) {
    RecordedRequest r =
        new RecordedRequest(
            kind,
            req.method(),
            req.path(),
            frozen(req.query()),
            frozen(req.form()),
            frozen(req.headers()),
            req.bodyText(),
            req.inBatch(),
            status);
    synchronized (recorded) {
      recorded.add(r);
    }
  }

  private static Map<String, List<String>> frozen(Map<String, List<String>> map) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(copy);
  }

  List<RecordedRequest> recorded() {
    synchronized (recorded) {
      return List.copyOf(recorded);
    }
  }

  void clear() {
    synchronized (recorded) {
      recorded.clear();
    }
  }

  /** HttpServer entry point: converts the exchange, handles it, writes the response. */
  void serve(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] body = ex.getRequestBody().readAllBytes();
      Map<String, List<String>> headers = new LinkedHashMap<>();
      ex.getRequestHeaders()
          .forEach(
              (name, values) ->
                  headers
                      .computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                      .addAll(values));
      URI uri = ex.getRequestURI();
      Req req =
          new Req(
              ex.getRequestMethod(),
              uri.getPath(),
              StandInHttp.parseQuery(uri.getRawQuery()),
              headers,
              body,
              false);
      Resp resp;
      try {
        resp = handle(req);
      } catch (RuntimeException e) {
        e.printStackTrace();
        resp = Resp.text(500, "stand-in failure: " + e);
      }
      resp.headers().forEach((name, value) -> ex.getResponseHeaders().add(name, value));
      boolean empty = resp.body().length == 0 || ex.getRequestMethod().equals("HEAD");
      ex.sendResponseHeaders(resp.status(), empty ? -1 : resp.body().length);
      if (!empty) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(resp.body());
        }
      }
    }
  }
}
