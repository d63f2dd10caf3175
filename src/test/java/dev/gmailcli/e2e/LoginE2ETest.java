package dev.gmailcli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gmailcli.harness.CliHarness;
import dev.gmailcli.harness.CliRun;
import dev.gmailcli.harness.TestBrowser;
import dev.gmailcli.harness.WithGoogleStandIn;
import dev.gmailcli.standin.GoogleStandIn;
import dev.gmailcli.standin.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code gmailcli login} through the browser flow against the stand-in's consent screen. */
@WithGoogleStandIn
class LoginE2ETest {
  GoogleStandIn google;
  CliHarness cli;

  @BeforeEach
  void aliceAndCredentials() throws Exception {
    google.email("alice@example.com");
    cli.credentials(google.credentialsJson());
  }

  @Test
  void firstLogin_savesTokenJsonWithAccountAndPrivateModes() throws Exception {
    TestBrowser browser = TestBrowser.following();
    CliRun run = cli.browser(browser).interactive().run("login");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains("Logged in as alice@example.com")
        .contains(cli.tokenPath().toString());
    assertThat(browser.landingPages().get(0)).contains("close this tab");

    JsonObject token = JsonParser.parseString(Files.readString(cli.tokenPath())).getAsJsonObject();
    assertThat(token.keySet())
        .containsExactly(
            "token",
            "refresh_token",
            "token_uri",
            "client_id",
            "client_secret",
            "scopes",
            "universe_domain",
            "account",
            "gmailcli_login_time",
            "expiry");
    assertThat(token.get("account").getAsString()).isEqualTo("alice@example.com");
    assertThat(token.get("expiry").getAsString())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?Z");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.tokenPath())))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.configDir())))
        .isEqualTo("rwx------");

    RecordedRequest auth = google.requests("auth").get(0);
    assertThat(auth.param("code_challenge_method")).isEqualTo("S256");
    assertThat(auth.param("access_type")).isEqualTo("offline");
    assertThat(auth.param("prompt")).isEqualTo("consent");
    assertThat(auth.param("redirect_uri")).matches("http://127\\.0\\.0\\.1:\\d+/");
    assertThat(google.count("token.code")).isEqualTo(1);
  }

  @Test
  void directoryNamedByGmailcliHome_keepsItsMode_whileTheTokenIs0600() throws Exception {
    Path shared = Files.createDirectories(cli.home().resolve("shared-config"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(shared.resolve("credentials.json"), google.credentialsJson());

    CliRun run =
        cli.env("GMAILCLI_HOME", shared.toString())
            .browser(TestBrowser.following())
            .interactive()
            .run("login");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)))
        .isEqualTo("rwxr-xr-x");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(shared.resolve("token.json"))))
        .isEqualTo("rw-------");
  }

  @Test
  void declinedConsent_exits3_andSavesNothing() throws Exception {
    google.declineConsent();
    TestBrowser browser = TestBrowser.following();

    CliRun run = cli.browser(browser).interactive().run("login");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("you declined access");
    assertThat(browser.landingPages().get(0)).contains("Login cancelled");
    assertThat(Files.exists(cli.tokenPath())).isFalse();
  }

  @Test
  void noRefreshTokenFromGoogle_exits3_andSavesNothing() throws Exception {
    google.omitRefreshToken();

    CliRun run = cli.browser(TestBrowser.following()).interactive().run("login");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("no refresh token");
    assertThat(Files.exists(cli.tokenPath())).isFalse();
  }

  @Test
  void browserNeverAnswers_timesOut_withExit3() {
    CliRun run = cli.browser(TestBrowser.idle()).interactive().run("login", "--timeout", "1s");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("timed out after 1s").contains("--timeout");
  }

  @Test
  void missingOrMalformedCredentials_exit4() throws Exception {
    Files.delete(cli.credentialsPath());
    CliRun missing = cli.interactive().run("login");
    cli.credentials("{\"installed\": ");
    CliRun malformed = cli.interactive().run("login");

    assertThat(missing.exitCode()).isEqualTo(4);
    assertThat(missing.err()).contains("OAuth client file not found").contains("Desktop app");
    assertThat(malformed.exitCode()).isEqualTo(4);
    assertThat(malformed.err()).contains("is not valid JSON");
  }

  @Test
  void shortScopeNames_areExpanded_andRequested() throws Exception {
    CliRun run =
        cli.browser(TestBrowser.following()).interactive().run("login", "--scope", "gmail.modify");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(google.requests("auth").get(0).param("scope"))
        .isEqualTo("https://www.googleapis.com/auth/gmail.modify");
    assertThat(Files.readString(cli.tokenPath()))
        .contains("https://www.googleapis.com/auth/gmail.modify");
  }
}
