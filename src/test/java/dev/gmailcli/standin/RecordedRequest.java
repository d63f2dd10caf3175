package dev.gmailcli.standin;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request the {@link GoogleStandIn} received, with the status it answered. Batch sub-requests
 * are recorded as well ({@link #inBatch()} true), before their enclosing batch.
 *
 * @param kind what the request was routed to; see {@link GoogleStandIn#count(String)}
 * @param method HTTP method
 * @param path decoded path, e.g. {@code /gmail/v1/users/me/threads}
 * @param query query parameters, repeated names keep every value in order
 * @param form form parameters of an {@code application/x-www-form-urlencoded} body, else empty
 * @param headers request headers, names lower-cased
 * @param body raw body text (UTF-8), empty for none
 * @param inBatch whether this was a part of a multipart batch
 * @param status the HTTP status the stand-in answered with
 */
public record RecordedRequest(
    String kind,
    String method,
    String path,
    Map<String, List<String>> query,
    Map<String, List<String>> form,
    Map<String, List<String>> headers,
    String body,
    boolean inBatch,
    int status) {

  /** First value of query parameter {@code name}, or null. */
  public String param(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Every value of query parameter {@code name} (empty if absent). */
  public List<String> params(String name) {
    return query.getOrDefault(name, List.of());
  }

  /** First value of form parameter {@code name}, or null. */
  public String formParam(String name) {
    List<String> values = form.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** First value of header {@code name} (case-insensitive), or null. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  @Override
  public String toString() {
    return (inBatch ? "[batch] " : "")
        + method
        + " "
        + path
        + " "
        + query
        + " -> "
        + status
        + " ("
        + kind
        + ")";
  }
}
