package dev.gmailcli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailcli.harness.CliHarness;
import dev.gmailcli.harness.CliRun;
import dev.gmailcli.harness.TestClock;
import dev.gmailcli.harness.TokenFixtures;
import dev.gmailcli.harness.WithGoogleStandIn;
import dev.gmailcli.platform.Terminal;
import dev.gmailcli.standin.GoogleErrors;
import dev.gmailcli.standin.GoogleStandIn;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What cron sees in-process: no login is offered to nobody, {@code status --check} for monitoring,
 * a warning for a token others can read, and one refresh however often Gmail says 401.
 */
@WithGoogleStandIn
class UnattendedE2ETest {
  static final String THREADS = "/gmail/v1/users/me/threads";

  GoogleStandIn google;
  CliHarness cli;

  @ParameterizedTest
  @CsvSource({"--no-input, ''", "'', 1", "'', true"})
  void noInput_byOptionOrVariable_failsAtOnce_evenAtATerminal(String option, String variable) {
    cli.interactive().env("GMAILCLI_NO_INPUT", variable.isEmpty() ? null : variable);

    CliRun run = option.isEmpty() ? cli.run("threads") : cli.run("threads", option);

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("error: not logged in — run `gmailcli login`");
    assertThat(google.requests()).isEmpty();
  }

  @Test
  void aTerminalOnStdinAlone_isNoPersonToAsk() {
    CliRun run = cli.terminal(new Terminal(true, false, false, 80)).run("threads");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).doesNotContain("starting `gmailcli login`");
    assertThat(google.requests()).isEmpty();
  }

  @Test
  void statusCheck_withAValidLogin_isOneProfileCall_andSilent() throws Exception {
    cli.token(TokenFixtures.valid(google, TestClock.NOW));

    CliRun run = cli.run("status", "--check");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEmpty();
    assertThat(google.count("profile")).isEqualTo(1);
    assertThat(google.requests()).hasSize(1);
  }

  @Test
  void statusCheck_withAnExpiredLogin_refreshesAndSaves_first() throws Exception {
    String refresh = google.seedRefreshToken(TokenFixtures.READONLY);
    cli.token(TokenFixtures.expired(google, TestClock.NOW, refresh));
    String before = Files.readString(cli.tokenPath());

    CliRun run = cli.run("status", "--check");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(google.count("token.refresh")).isEqualTo(1);
    assertThat(google.count("profile")).isEqualTo(1);
    assertThat(Files.readString(cli.tokenPath())).isNotEqualTo(before).contains(refresh);
  }

  @Test
  void statusCheck_withoutALogin_exits3_andNeverOffersOne() {
    CliRun run = cli.interactive().run("status", "--check");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("not logged in").doesNotContain("starting");
  }

  @Test
  void statusCheck_aRevokedLogin_exits3() throws Exception {
    String refresh = google.seedRefreshToken(TokenFixtures.READONLY);
    google.revoke(refresh);
    cli.token(TokenFixtures.expired(google, TestClock.NOW, refresh));

    CliRun run = cli.run("status", "--check");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("invalid_grant");
  }

  @Test
  void statusCheck_aBrokenFile_exits4() throws Exception {
    cli.token("{\"token\": ");

    assertThat(cli.run("status", "--check").exitCode()).isEqualTo(4);
  }

  @Test
  void statusCheck_googleUnreachable_exits5() throws Exception {
    cli.token(TokenFixtures.valid(google, TestClock.NOW));
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }

    CliRun run =
        cli.env("GMAILCLI_GMAIL_ROOT_URL", "http://127.0.0.1:" + closed + "/")
            .run("status", "--check");

    assertThat(run.exitCode()).isEqualTo(5);
    assertThat(run.err()).contains("could not read the Gmail profile");
  }

  @ParameterizedTest
  @ValueSource(strings = {"rw-r--r--", "rw-r-----", "rw--w----", "rw-rw-rw-"})
  void aTokenOthersCanReadOrWrite_isWarnedAboutOnce_andStillUsed(String mode) throws Exception {
    google.mailbox().generate(3);
    cli.token(TokenFixtures.valid(google, TestClock.NOW));
    Files.setPosixFilePermissions(cli.tokenPath(), PosixFilePermissions.fromString(mode));

    CliRun run = cli.run("threads", "--max", "1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .startsWith("warning: " + cli.tokenPath() + " can be read or written by others")
        .endsWith("run `chmod 600 " + cli.tokenPath() + "`");
    assertThat(run.out().lines()).hasSize(1);
  }

  @Test
  void gmailAnsweringOnly401_causesOneRefresh_thenExit3() throws Exception {
    cli.token(TokenFixtures.valid(google, TestClock.NOW));
    google.failNext(
        THREADS,
        20,
        401,
        GoogleErrors.apiError(
            401,
            "Request had invalid authentication credentials.",
            "authError",
            "UNAUTHENTICATED"));

    CliRun run = cli.run("threads");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("Gmail did not accept the saved login");
    assertThat(google.count("token.refresh")).isEqualTo(1);
    assertThat(google.count("threads.list")).isEqualTo(2);
  }

  @Test
  void status_showsWhenTheLoginWasMade_andWarnsOfTestingAppsNearSevenDays() throws Exception {
    String token = TokenFixtures.valid(google, TestClock.NOW);
    String loginTime = TestClock.NOW.minus(Duration.ofDays(6)).toString();
    cli.token(
        token.replace(
            "\"account\": \"\"",
            "\"account\": \"\", \"gmailcli_login_time\": \"" + loginTime + "\""));

    CliRun run = cli.run("status");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "refresh token  present, obtained 2024-03-09T12:00:00Z (6 days ago; if the app's"
                + " consent screen is in \"Testing\" status, it expires at 7 days)");
  }
}
