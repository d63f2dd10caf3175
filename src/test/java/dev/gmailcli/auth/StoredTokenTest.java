package dev.gmailcli.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonPrimitive;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoredTokenTest {
  private static final Instant OLD_EXPIRY = Instant.parse("2025-10-20T09:18:16Z");
  private static final Instant NEW_EXPIRY = Instant.parse("2025-10-20T10:18:16Z");

  private final StoredToken token =
      new StoredToken(
          "fake-access-token-value",
          "fake-refresh-token-value",
          "https://oauth2.googleapis.com/token",
          "fake-client.apps.googleusercontent.com",
          "fake-client-secret-value",
          List.of("scope-a"),
          "googleapis.com",
          "jane@example.com",
          OLD_EXPIRY,
          Map.of("rapt_token", new JsonPrimitive("fake-rapt")));

  @Test
  void toString_neverShowsSecrets() {
    assertThat(token.toString())
        .doesNotContain(
            "fake-access-token-value", "fake-refresh-token-value", "fake-client-secret-value")
        .contains("jane@example.com", "<redacted>");
  }

  @Test
  void toString_saysWhichSecretsAreAbsent() {
    StoredToken empty = new StoredToken(null, null, null, null, null, null, null, null, null, null);

    assertThat(empty.toString()).contains("token=absent", "refreshToken=absent");
  }

  @Test
  void refreshedWithoutNewRefreshToken_keepsTheOldOne() {
    assertThat(token.refreshed("new-access", NEW_EXPIRY, null, null).refreshToken())
        .isEqualTo("fake-refresh-token-value");
    assertThat(token.refreshed("new-access", NEW_EXPIRY, "  ", null).refreshToken())
        .isEqualTo("fake-refresh-token-value");
  }

  @Test
  void refreshedWithNewRefreshToken_takesIt() {
    StoredToken refreshed = token.refreshed("new-access", NEW_EXPIRY, "fake-rotated", null);

    assertThat(refreshed.refreshToken()).isEqualTo("fake-rotated");
  }

  @Test
  void refreshed_replacesAccessTokenAndExpiry_keepsTheRest() {
    StoredToken refreshed = token.refreshed("new-access", NEW_EXPIRY, null, null);

    assertThat(refreshed.token()).isEqualTo("new-access");
    assertThat(refreshed.expiry()).isEqualTo(NEW_EXPIRY);
    assertThat(refreshed)
        .usingRecursiveComparison()
        .ignoringFields("token", "expiry")
        .isEqualTo(token);
  }

  @Test
  void refreshedWithScopes_updatesThem_withoutScopesKeepsOld() {
    assertThat(token.refreshed("n", NEW_EXPIRY, null, List.of("scope-b", "scope-c")).scopes())
        .containsExactly("scope-b", "scope-c");
    assertThat(token.refreshed("n", NEW_EXPIRY, null, null).scopes()).containsExactly("scope-a");
    assertThat(token.refreshed("n", NEW_EXPIRY, null, List.of()).scopes())
        .containsExactly("scope-a");
  }

  @Test
  void lacksAll_onlyWhenScopesAreKnown() {
    assertThat(token.lacksAll(List.of("scope-x", "scope-y"))).isTrue();
    assertThat(token.lacksAll(List.of("scope-x", "scope-a"))).isFalse();
    StoredToken unknownScopes = token.refreshed("n", NEW_EXPIRY, null, null);
    StoredToken noScopes =
        new StoredToken("t", null, null, null, null, null, null, null, null, null);
    assertThat(noScopes.lacksAll(List.of("scope-x"))).isFalse();
    assertThat(unknownScopes.lacksAll(List.of("scope-a"))).isFalse();
  }

  @Test
  void scopesAndExtras_areDefensivelyCopied() {
    ArrayList<String> scopes = new ArrayList<>(List.of("s"));
    StoredToken copy = new StoredToken("t", null, null, null, null, scopes, null, null, null, null);
    scopes.add("added-later");

    assertThat(copy.scopes()).containsExactly("s");
    assertThat(copy.extras()).isEmpty();
  }
}
