package dev.gmailcli.standin;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Service accounts the stand-in knows, and the domain-wide delegations a Workspace administrator
 * granted them; checks the JWT of a {@code jwt-bearer} grant as Google does (RS256 signature,
 * issuer, audience, a short lifetime around now, delegated scopes).
 */
final class StandInServiceAccounts {
  private record Account(String clientId, PublicKey key) {}

  /** A checked assertion: who asks, for whose mailbox, with which scopes; or Google's refusal. */
  record Outcome(String subject, List<String> scopes, int status, String error, String why) {}

  private final Map<String, Account> accounts = new HashMap<>();
  private final Map<String, Set<String>> delegations = new HashMap<>();
  private final List<Map<String, Object>> received =
      Collections.synchronizedList(new ArrayList<>());

  synchronized void register(String clientEmail, String clientId, PublicKey key) {
    accounts.put(clientEmail, new Account(clientId, key));
  }

  synchronized void allow(String clientId, List<String> scopes) {
    delegations.computeIfAbsent(clientId, id -> new HashSet<>()).addAll(scopes);
  }

  List<Map<String, Object>> received() {
    return List.copyOf(received);
  }

  synchronized Outcome check(String assertion, String audience, Instant now) {
    String[] parts = assertion == null ? new String[0] : assertion.split("\\.");
    if (parts.length != 3) {
      return refused(400, "invalid_grant", "Invalid JWT: malformed");
    }
    JsonObject header = json(parts[0]);
    JsonObject claims = json(parts[1]);
    if (header == null || claims == null) {
      return refused(400, "invalid_grant", "Invalid JWT: malformed");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> asMap = new Gson().fromJson(claims, Map.class);
    received.add(asMap);
    Account account = accounts.get(string(claims, "iss"));
    if (!"RS256".equals(string(header, "alg"))
        || account == null
        || !verifies(account.key(), parts[0] + "." + parts[1], parts[2])) {
      return refused(400, "invalid_grant", "Invalid JWT Signature.");
    }
    if (!audience.equals(string(claims, "aud"))) {
      return refused(
          400,
          "invalid_grant",
          "Invalid JWT: Failed audience check. The expected value was " + audience);
    }
    long iat = claims.has("iat") ? claims.get("iat").getAsLong() : 0;
    long exp = claims.has("exp") ? claims.get("exp").getAsLong() : 0;
    long nowSeconds = now.getEpochSecond();
    if (exp - iat > 3600 || iat > nowSeconds + 300 || exp < nowSeconds - 300) {
      return refused(
          400,
          "invalid_grant",
          "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable"
              + " timeframe. Check your iat and exp values in the JWT claim.");
    }
    List<String> scopes = OAuthEndpoints.splitScopes(string(claims, "scope"));
    String subject = string(claims, "sub");
    Set<String> allowed = delegations.getOrDefault(account.clientId(), Set.of());
    if (subject != null && (scopes.isEmpty() || !allowed.containsAll(scopes))) {
      return refused(
          401,
          "unauthorized_client",
          "Client is unauthorized to retrieve access tokens using this method, or client not"
              + " authorized for any of the scopes requested.");
    }
    return new Outcome(subject, scopes, 200, null, null);
  }

  private static Outcome refused(int status, String error, String why) {
    return new Outcome(null, List.of(), status, error, why);
  }

  private static boolean verifies(PublicKey key, String signed, String signature) {
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initVerify(key);
      rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
      return rs256.verify(Base64.getUrlDecoder().decode(signature));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private static JsonObject json(String base64url) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8);
      return JsonParser.parseString(text).getAsJsonObject();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String string(JsonObject object, String name) {
    return object.has(name) && object.get(name).isJsonPrimitive()
        ? object.get(name).getAsString()
        : null;
  }
}
