package dev.gmailcli.auth;

import com.google.api.client.auth.oauth2.AuthorizationCodeResponseUrl;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * What an OAuth redirect to gmailcli carried: a code, a refusal, or something that does not belong
 * to the login in progress (missing or wrong {@code state}). Shared by every way the redirect can
 * reach gmailcli: the loopback listener, or a redirect URL a person pastes.
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
    return parseUrl("http://127.0.0.1/?" + (rawQuery == null ? "" : rawQuery), expectedState);
  }

  /** Interprets a whole redirect URL (as pasted by a person) against the expected state. */
  static AuthorizationCallback parseUrl(String url, String expectedState) {
    AuthorizationCodeResponseUrl response;
    try {
      response = new AuthorizationCodeResponseUrl(url);
    } catch (IllegalArgumentException e) {
      // the library insists on exactly one of code and error (and a well-formed URL)
      return new Foreign("neither code nor error");
    }
    String state = response.getState();
    if (state == null) {
      return new Foreign("no state parameter");
    }
    // constant time, so the listener does not leak how much of a guessed state was right
    if (!MessageDigest.isEqual(
        state.getBytes(StandardCharsets.UTF_8), expectedState.getBytes(StandardCharsets.UTF_8))) {
      return new Foreign("state does not match this login");
    }
    if (response.getError() != null) {
      return new Error(response.getError(), response.getErrorDescription());
    }
    return response.getCode().isEmpty()
        ? new Foreign("neither code nor error")
        : new Code(response.getCode());
  }
}
