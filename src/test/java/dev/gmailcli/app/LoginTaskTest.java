package dev.gmailcli.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.http.GenericUrl;
import dev.gmailcli.auth.InstalledAppFlow;
import dev.gmailcli.auth.StoredToken;
import dev.gmailcli.auth.TokenFile;
import dev.gmailcli.harness.ScriptedHttp;
import dev.gmailcli.http.TimeoutsAndTracing;
import dev.gmailcli.platform.BrowserOpener;
import dev.gmailcli.platform.ConsoleLines;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginTaskTest {
  static final String AUTH_URI = "https://accounts.example.test/o/oauth2/auth";
  static final String PROFILE = TaskFixtures.GMAIL_ROOT + "gmail/v1/users/me/profile";

  @TempDir Path dir;
  final ScriptedHttp http = new ScriptedHttp();
  final StringWriter err = new StringWriter();
  final List<String> warnings = new ArrayList<>();

  /** "Clicks Allow": sends the loopback listener the code with the state it was given. */
  static final BrowserOpener CONSENTING =
      url -> {
        GenericUrl consent = new GenericUrl(url);
        String redirect =
            consent.getFirst("redirect_uri") + "?code=fake-code&state=" + consent.getFirst("state");
        Thread click =
            new Thread(
                () -> {
                  try {
                    HttpClient.newHttpClient()
                        .send(
                            HttpRequest.newBuilder(URI.create(redirect)).build(),
                            HttpResponse.BodyHandlers.discarding());
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
        click.setDaemon(true);
        click.start();
      };

  LoginTask task(String section) throws Exception {
    Path credentials = dir.resolve("credentials.json");
    Files.writeString(
        credentials,
        "{\""
            + section
            + "\": {\"client_id\": \"fake-id\", \"client_secret\": \"fake-secret\","
            + " \"auth_uri\": \""
            + AUTH_URI
            + "\", \"token_uri\": \""
            + TaskFixtures.TOKEN_URI
            + "\"}}");
    PrintWriter errWriter = new PrintWriter(err, true);
    InstalledAppFlow flow =
        new InstalledAppFlow(
            http,
            new TimeoutsAndTracing(line -> {}),
            TaskFixtures.CLOCK,
            CONSENTING,
            new ConsoleLines(InputStream.nullInputStream()),
            errWriter,
            line -> {});
    return new LoginTask(
        credentials,
        flow,
        TaskFixtures.store(dir.resolve("token.json"), http),
        authorization -> TaskFixtures.gmail(http, authorization),
        false,
        new AccountSwitchGuard(
            null, false, new ConsoleLines(InputStream.nullInputStream()), errWriter),
        errWriter,
        warnings::add);
  }

  void googleGrants() {
    http.on(
        "POST",
        TaskFixtures.TOKEN_URI,
        200,
        "{\"access_token\": \"fake-access\", \"refresh_token\": \"fake-refresh\","
            + " \"expires_in\": 3599, \"token_type\": \"Bearer\","
            + " \"scope\": \"https://www.googleapis.com/auth/gmail.readonly\"}");
  }

  @Test
  void savesTheLogin_withTheAccountsAddress_andSaysWhere() throws Exception {
    googleGrants();
    http.on("GET", PROFILE, 200, "{\"emailAddress\": \"alice@example.com\"}");

    StoredToken token =
        task("installed").run(LoginTask.DEFAULT_SCOPES, 0, Duration.ofSeconds(20), false, false);

    StoredToken saved = new TokenFile(dir.resolve("token.json")).read().orElseThrow();
    assertThat(saved).isEqualTo(token);
    assertThat(saved.account()).isEqualTo("alice@example.com");
    assertThat(saved.refreshToken()).isEqualTo("fake-refresh");
    assertThat(saved.expiry()).isEqualTo(TaskFixtures.NOW.plusSeconds(3599));
    assertThat(err.toString())
        .contains("Logged in as alice@example.com.", "Login saved to " + dir.resolve("token.json"));
    assertThat(warnings).isEmpty();
    assertThat(http.unmatched()).isEmpty();
  }

  @Test
  void aWebClient_isWarnedAbout_butWorks() throws Exception {
    googleGrants();
    http.on("GET", PROFILE, 200, "{\"emailAddress\": \"alice@example.com\"}");

    task("web").run(LoginTask.DEFAULT_SCOPES, 0, Duration.ofSeconds(20), false, false);

    assertThat(warnings).singleElement().asString().contains("Web application client");
    assertThat(dir.resolve("token.json")).exists();
  }

  @Test
  void anUnreadableAddress_isAWarning_andTheLoginIsKept() throws Exception {
    googleGrants();
    http.on("GET", PROFILE, 403, "{\"error\": {\"code\": 403, \"message\": \"Forbidden\"}}");

    task("installed").run(LoginTask.DEFAULT_SCOPES, 0, Duration.ofSeconds(20), false, false);

    assertThat(warnings)
        .singleElement()
        .asString()
        .startsWith("logged in, but could not read the account's address");
    assertThat(new TokenFile(dir.resolve("token.json")).read().orElseThrow().account()).isEmpty();
    assertThat(err.toString()).contains("Logged in as Gmail.");
  }
}
