package dev.gmailcli.standin;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.gmailcli.standin.StandInHttp.Req;
import dev.gmailcli.standin.StandInHttp.Resp;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Bearer-token and scope check for Gmail endpoints, with Google's exact 401/403 bodies and {@code
 * WWW-Authenticate} headers.
 *
 * @param error the response to send instead of serving the call, or null when allowed
 * @param metadataOnly whether the token's only Gmail read scope is gmail.metadata
 * @param account whose mailbox the token opens (null with an error)
 */
record GmailAuth(Resp error, boolean metadataOnly, String account) {

  private static final String REALM = "Bearer realm=\"https://accounts.google.com/\"";
  private static final String SEE =
      " Expected OAuth 2 access token, login cookie or other valid authentication credential."
          + " See https://developers.google.com/identity/sign-in/web/devconsole-project.";
  private static final Map<String, String> RPC_METHODS =
      Map.of(
          "profile", "GetProfile",
          "labels.list", "ListLabels",
          "threads.list", "ListThreads",
          "threads.get", "GetThread",
          "messages.list", "ListMessages",
          "history.list", "ListHistory");

  static GmailAuth check(Req r, StandInTokens tokens, Set<String> allowed, String kind) {
    String header = r.header("authorization");
    if (header == null) {
      return new GmailAuth(
          unauthenticated(
              "Request is missing required authentication credential." + SEE,
              "Login Required.",
              "required",
              REALM),
          false,
          null);
    }
    String token =
        header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
    List<String> scopes = tokens.accessScopes(token);
    if (scopes == null) {
      return new GmailAuth(
          unauthenticated(
              "Request had invalid authentication credentials." + SEE,
              "Invalid Credentials",
              "authError",
              REALM + ", error=\"invalid_token\""),
          false,
          null);
    }
    if (scopes.stream().noneMatch(allowed::contains)) {
      return new GmailAuth(insufficientScopes(allowed, kind), false, null);
    }
    boolean metadataOnly =
        scopes.contains(GmailEndpoints.METADATA)
            && !scopes.contains(GmailEndpoints.FULL)
            && !scopes.contains(GmailEndpoints.MODIFY)
            && !scopes.contains(GmailEndpoints.READONLY);
    return new GmailAuth(null, metadataOnly, tokens.accountOf(token));
  }

  private static Resp unauthenticated(
      String message, String itemMessage, String reason, String wwwAuthenticate) {
    JsonObject root =
        GoogleErrors.apiErrorObject(401, message, reason, "UNAUTHENTICATED", "global");
    JsonObject item =
        root.getAsJsonObject("error").getAsJsonArray("errors").get(0).getAsJsonObject();
    item.addProperty("message", itemMessage);
    item.addProperty("location", "Authorization");
    item.addProperty("locationType", "header");
    return Resp.json(401, StandInJson.pretty(root))
        .withHeader("WWW-Authenticate", wwwAuthenticate)
        .withHeader("Vary", "Origin, X-Origin, Referer");
  }

  private static Resp insufficientScopes(Set<String> allowed, String kind) {
    JsonObject root =
        GoogleErrors.apiErrorObject(
            403,
            "Request had insufficient authentication scopes.",
            "insufficientPermissions",
            "PERMISSION_DENIED",
            "global");
    JsonObject error = root.getAsJsonObject("error");
    error
        .getAsJsonArray("errors")
        .get(0)
        .getAsJsonObject()
        .addProperty("message", "Insufficient Permission");
    JsonObject metadata = new JsonObject();
    metadata.addProperty("service", "gmail.googleapis.com");
    metadata.addProperty("method", "caribou.api.proto.MailboxService." + RPC_METHODS.get(kind));
    JsonObject info = new JsonObject();
    info.addProperty("@type", "type.googleapis.com/google.rpc.ErrorInfo");
    info.addProperty("reason", "ACCESS_TOKEN_SCOPE_INSUFFICIENT");
    info.addProperty("domain", "googleapis.com");
    info.add("metadata", metadata);
    JsonArray details = new JsonArray();
    details.add(info);
    error.add("details", details);
    return Resp.json(403, StandInJson.pretty(root))
        .withHeader(
            "WWW-Authenticate",
            REALM
                + ", error=\"insufficient_scope\", scope=\""
                + String.join(" ", new TreeSet<>(allowed))
                + "\"")
        .withHeader("Vary", "Origin, X-Origin, Referer");
  }
}
