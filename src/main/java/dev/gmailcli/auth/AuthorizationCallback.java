package dev.gmailcli.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;

/**
 * What an OAuth redirect to gmailcli carried: a code, a refusal, or something that does not belong
 * to the login in progress (missing or wrong {@code state}). Shared by every way the redirect can
 * reach gmailcli: the loopback listener today, a pasted redirect URL later.
 */
public sealed interface AuthorizationCallback {

  /** Google sent an authorization code for this login. */
  record Code(String code) implements AuthorizationCallback {
    @Override
    public String toString() {
      return "Code[<redacted>]";
    }
  }

  /** Google sent an error for this login, e.g. {@code access_denied} when the person declined. */
  record Error(String error, String description) implements AuthorizationCallback {}

  /** Not a redirect for this login; ignore it and keep waiting. */
  record Foreign(String reason) implements AuthorizationCallback {}

  /** Interprets a redirect's raw query string against the {@code state} this login sent. */
  static AuthorizationCallback parse(String rawQuery, String expectedState) {
    Map<String, String> params = query(rawQuery);
    String state = params.get("state");
    if (state == null) {
      return new Foreign("no state parameter");
    }
    if (!MessageDigest.isEqual(
        state.getBytes(StandardCharsets.UTF_8), expectedState.getBytes(StandardCharsets.UTF_8))) {
      return new Foreign("state does not match this login");
    }
    if (params.containsKey("error")) {
      return new Error(params.get("error"), params.get("error_description"));
    }
    String code = params.get("code");
    if (code == null || code.isEmpty()) {
      return new Foreign("neither code nor error");
    }
    return new Code(code);
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> params = new HashMap<>();
    if (rawQuery == null) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        params.putIfAbsent(
            URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException malformed) {
        // a malformed pair cannot be ours; the state check decides the rest
      }
    }
    return params;
  }
}
