package dev.gmailcli.standin;

import dev.gmailcli.standin.StandInHttp.Resp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Injected failures: by path prefix (any request) and by thread id (threads.get in a batch). */
final class StandInFaults {

  private static final class Rule {
    final String key;
    final Resp response;
    int remaining;

    Rule(String key, int times, Resp response) {
      this.key = key;
      this.remaining = times;
      this.response = response;
    }
  }

  private final List<Rule> byPath = new ArrayList<>();
  private final List<Rule> byThread = new ArrayList<>();

  synchronized void failNext(
      String pathPrefix, int times, int status, String body, Map<String, String> headers) {
    if (times <= 0) {
      return;
    }
    String prefix = pathPrefix.startsWith("/") ? pathPrefix : "/" + pathPrefix;
    byPath.add(new Rule(prefix, times, response(status, body, headers)));
  }

  synchronized void failThreadInBatch(String threadId, int times, int status, String body) {
    if (times <= 0) {
      return;
    }
    byThread.add(new Rule(threadId, times, response(status, body, Map.of())));
  }

  synchronized void clear() {
    byPath.clear();
    byThread.clear();
  }

  /** The injected response for a request to {@code path}, consuming one use; else null. */
  synchronized Resp takeForPath(String path) {
    return take(byPath, rule -> path.startsWith(rule.key));
  }

  /** The injected response for a batched threads.get of {@code threadId}; else null. */
  synchronized Resp takeForThread(String threadId) {
    return take(byThread, rule -> rule.key.equals(threadId));
  }

  private static Resp take(List<Rule> rules, Predicate<Rule> matches) {
    Iterator<Rule> it = rules.iterator();
    while (it.hasNext()) {
      Rule rule = it.next();
      if (matches.test(rule)) {
        if (--rule.remaining <= 0) {
          it.remove();
        }
        return rule.response;
      }
    }
    return null;
  }

  private static Resp response(int status, String body, Map<String, String> headers) {
    Map<String, String> all = new LinkedHashMap<>();
    String text = body == null ? "" : body;
    String trimmed = text.stripLeading();
    all.put(
        "Content-Type",
        trimmed.startsWith("{") || trimmed.startsWith("[")
            ? "application/json; charset=UTF-8"
            : "text/plain; charset=UTF-8");
    if (headers != null) {
      headers.forEach(
          (name, value) -> {
            all.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
            all.put(name, value);
          });
    }
    return new Resp(status, Map.copyOf(all), text.getBytes(StandardCharsets.UTF_8));
  }
}
