package dev.gmailcli.standin;

import dev.gmailcli.standin.StandInHttp.Resp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Google's {@code multipart/mixed} batch wire format. Each request part has {@code Content-Type:
 * application/http} (plus, from google-api-java-client, {@code Content-Transfer-Encoding: binary}
 * and {@code Content-ID: N}) and holds a whole HTTP request whose request line carries the absolute
 * URL. The response is {@code multipart/mixed} with its own boundary, one part per request in the
 * same order, {@code Content-ID: response-N}, each holding an HTTP/1.1 response.
 */
final class MultipartBatch {

  /** One request inside a batch; header names lower-cased. */
  record Part(
      String contentId,
      String method,
      String target,
      Map<String, List<String>> headers,
      byte[] body) {}

  private MultipartBatch() {}

  /** The boundary of a {@code multipart/mixed} content type, or null when it is not one. */
  static String boundaryOf(String contentType) {
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/mixed")) {
      return null;
    }
    for (String param : contentType.split(";")) {
      String p = param.trim();
      if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
        String b = p.substring(9).trim();
        return b.startsWith("\"") && b.endsWith("\"") && b.length() > 1
            ? b.substring(1, b.length() - 1)
            : b;
      }
    }
    return null;
  }

  /** Splits a batch body into its requests; throws IllegalArgumentException when malformed. */
  static List<Part> parse(byte[] body, String boundary) {
    String[] lines = new String(body, StandardCharsets.UTF_8).replace("\r\n", "\n").split("\n", -1);
    String delimiter = "--" + boundary;
    List<Part> parts = new ArrayList<>();
    List<String> current = null;
    boolean closed = false;
    for (String line : lines) {
      String trimmed = line.stripTrailing();
      if (trimmed.equals(delimiter) || trimmed.equals(delimiter + "--")) {
        if (current != null) {
          parts.add(part(current, parts.size() + 1));
        }
        closed = trimmed.endsWith("--");
        current = closed ? null : new ArrayList<>();
        if (closed) {
          break;
        }
      } else if (current != null) {
        current.add(line);
      }
    }
    if (!closed) {
      throw new IllegalArgumentException("batch body has no closing boundary " + delimiter + "--");
    }
    return parts;
  }

  private static Part part(List<String> lines, int index) {
    int i = 0;
    Map<String, List<String>> outer = new LinkedHashMap<>();
    for (; i < lines.size() && !lines.get(i).isEmpty(); i++) {
      addHeader(outer, lines.get(i));
    }
    List<String> type = outer.get("content-type");
    if (type == null || !type.get(0).toLowerCase(Locale.ROOT).startsWith("application/http")) {
      throw new IllegalArgumentException("batch part " + index + " is not application/http");
    }
    for (i++; i < lines.size() && lines.get(i).isEmpty(); i++) {
      // blank lines before the request line
    }
    if (i >= lines.size()) {
      throw new IllegalArgumentException("batch part " + index + " has no request line");
    }
    String[] requestLine = lines.get(i++).trim().split(" ");
    if (requestLine.length < 2) {
      throw new IllegalArgumentException("bad request line in batch part " + index);
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (; i < lines.size() && !lines.get(i).isEmpty(); i++) {
      addHeader(headers, lines.get(i));
    }
    int end = lines.size();
    while (end > i + 1 && lines.get(end - 1).isEmpty()) {
      end--;
    }
    String body = i + 1 < end ? String.join("\n", lines.subList(i + 1, end)) : "";
    List<String> id = outer.get("content-id");
    return new Part(
        id == null ? String.valueOf(index) : id.get(0),
        requestLine[0],
        requestLine[1],
        headers,
        body.getBytes(StandardCharsets.UTF_8));
  }

  private static void addHeader(Map<String, List<String>> headers, String line) {
    int colon = line.indexOf(':');
    if (colon > 0) {
      headers
          .computeIfAbsent(
              line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(line.substring(colon + 1).trim());
    }
  }

  /** The multipart/mixed response for {@code parts}, answered in order by {@code responses}. */
  static Resp render(List<Part> parts, List<Resp> responses) {
    String boundary =
        "batch_" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36) + "_standin";
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      Resp r = responses.get(i);
      String id = parts.get(i).contentId();
      String responseId =
          id.startsWith("<") && id.endsWith(">")
              ? "<response-" + id.substring(1)
              : "response-" + id;
      out.append("--")
          .append(boundary)
          .append("\r\n")
          .append("Content-Type: application/http\r\n")
          .append("Content-ID: ")
          .append(responseId)
          .append("\r\n\r\n")
          .append("HTTP/1.1 ")
          .append(r.status())
          .append(' ')
          .append(reason(r.status()))
          .append("\r\n");
      r.headers().forEach((k, v) -> out.append(k).append(": ").append(v).append("\r\n"));
      out.append("\r\n").append(r.bodyText()).append("\r\n");
    }
    out.append("--").append(boundary).append("--\r\n");
    return new Resp(
        200,
        Map.of("Content-Type", "multipart/mixed; boundary=" + boundary),
        out.toString().getBytes(StandardCharsets.UTF_8));
  }

  static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 204 -> "No Content";
      case 302 -> "Found";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      default -> "Status " + status;
    };
  }
}
