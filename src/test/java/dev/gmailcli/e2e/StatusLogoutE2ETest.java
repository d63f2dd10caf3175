package dev.gmailcli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailcli.harness.CliHarness;
import dev.gmailcli.harness.CliRun;
import dev.gmailcli.harness.Golden;
import dev.gmailcli.harness.TempHome;
import dev.gmailcli.harness.TokenFixtures;
import dev.gmailcli.harness.WithGoogleStandIn;
import dev.gmailcli.standin.GoogleStandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code gmailcli status} and {@code gmailcli logout}. */
@WithGoogleStandIn
class StatusLogoutE2ETest {
  static final Instant NOW = Instant.parse("2026-11-25T15:00:00Z");
  static final String REFRESH = "1//fake-refresh-token-for-status";
  static final String ACCESS = "ya29.fake-access-token-for-status";

  GoogleStandIn google;
  CliHarness cli;
  @TempHome Path home;

  @BeforeEach
  void atNow() {
    cli.clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private void savedLogin(Instant expiry, String account) throws Exception {
    String json =
        TokenFixtures.python(
            ACCESS,
            REFRESH,
            expiry,
            List.of(TokenFixtures.READONLY),
            "https://oauth2.googleapis.com/token");
    cli.token(json.replace("\"account\": \"\"", "\"account\": \"" + account + "\""));
  }

  @Test
  void status_table_showsLoginWithoutSecrets() throws Exception {
    savedLogin(NOW.plusSeconds(2530).plusNanos(250_000_000), "alice@example.com");

    CliRun run = cli.run("status");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).doesNotContain(ACCESS, REFRESH, GoogleStandIn.CLIENT_SECRET);
    Golden.assertMatches("status-table.txt", Golden.scrub(run.out(), home));
    assertThat(google.requests()).isEmpty();
  }

  @Test
  void status_json_expiredToken() throws Exception {
    savedLogin(NOW.minusSeconds(60), "alice@example.com");

    CliRun run = cli.run("status", "--format", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).doesNotContain(ACCESS, REFRESH, GoogleStandIn.CLIENT_SECRET);
    Golden.assertMatches("status-expired.json", Golden.scrub(run.out(), home));
  }

  @Test
  void status_withoutLogin_exits3() {
    CliRun run = cli.run("status");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("not logged in").contains("gmailcli login");
  }

  @Test
  void status_verbose_neverPrintsSecrets() throws Exception {
    savedLogin(NOW.plusSeconds(600), "alice@example.com");

    CliRun run = cli.run("status", "--verbose", "--format", "json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out() + run.err()).doesNotContain(ACCESS, REFRESH, GoogleStandIn.CLIENT_SECRET);
  }

  @Test
  void logout_revokesRefreshToken_andDeletesFile() throws Exception {
    String refresh = google.seedRefreshToken(TokenFixtures.READONLY);
    cli.token(TokenFixtures.expired(google, NOW, refresh));

    CliRun run = cli.run("logout");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("Revoked");
    assertThat(Files.exists(cli.tokenPath())).isFalse();
    assertThat(google.requests("revoke")).hasSize(1);
    assertThat(google.requests("revoke").get(0).formParam("token")).isEqualTo(refresh);
    assertThat(google.requests("revoke").get(0).query()).doesNotContainKey("token");
  }

  @Test
  void logout_alreadyRevoked_stillDeletes_andSaysSo() throws Exception {
    String refresh = google.seedRefreshToken(TokenFixtures.READONLY);
    google.revoke(refresh);
    cli.token(TokenFixtures.expired(google, NOW, refresh));

    CliRun run = cli.run("logout");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("already considered the login invalid");
    assertThat(Files.exists(cli.tokenPath())).isFalse();
  }

  @Test
  void logout_googleUnreachable_exits5_andKeepsFile() throws Exception {
    String refresh = google.seedRefreshToken(TokenFixtures.READONLY);
    cli.token(TokenFixtures.expired(google, NOW, refresh));
    google.close();

    CliRun run = cli.run("logout");

    assertThat(run.exitCode()).isEqualTo(5);
    assertThat(run.err()).contains("could not revoke the login");
    assertThat(Files.exists(cli.tokenPath())).isTrue();
    assertThat(cli.sleeper().sleeps()).hasSize(4);
  }

  @Test
  void logout_googleAnswers503_exits5_andKeepsFile() throws Exception {
    String refresh = google.seedRefreshToken(TokenFixtures.READONLY);
    cli.token(TokenFixtures.expired(google, NOW, refresh));
    google.failNext("/revoke", 10, 503, "{}");

    CliRun run = cli.run("logout");

    assertThat(run.exitCode()).isEqualTo(5);
    assertThat(Files.exists(cli.tokenPath())).isTrue();
    assertThat(google.count("revoke")).isEqualTo(5);
  }

  @Test
  void logout_withoutLogin_isANoOp() {
    CliRun run = cli.run("logout");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).contains("nothing to do");
    assertThat(google.requests()).isEmpty();
  }
}
