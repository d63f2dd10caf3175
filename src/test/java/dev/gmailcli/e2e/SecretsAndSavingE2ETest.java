package dev.gmailcli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.http.javanet.DefaultConnectionFactory;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.gson.JsonParser;
import dev.gmailcli.harness.CliHarness;
import dev.gmailcli.harness.CliRun;
import dev.gmailcli.harness.TestBrowser;
import dev.gmailcli.harness.TestClock;
import dev.gmailcli.harness.TokenFixtures;
import dev.gmailcli.harness.WithGoogleStandIn;
import dev.gmailcli.standin.GoogleStandIn;
import dev.gmailcli.standin.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** No secret is ever printed, even with --verbose; a refresh that cannot be saved is an error. */
@WithGoogleStandIn
class SecretsAndSavingE2ETest {
  GoogleStandIn google;
  CliHarness cli;

  @BeforeEach
  void mailboxAndCredentials() throws Exception {
    google.mailbox().generate(60);
    cli.credentials(google.credentialsJson());
  }

  @Test
  void verboseLoginRefreshListingAndLogout_printNoSecret() throws Exception {
    CliRun login = cli.interactive().browser(TestBrowser.following()).run("login", "--verbose");
    String firstToken = Files.readString(cli.tokenPath());
    google.expireAccessTokens();
    CliRun threads = cli.run("threads", "--verbose", "--max", "60", "--details");
    CliRun status = cli.run("status", "--verbose");
    CliRun logout = cli.run("logout", "--verbose");

    assertThat(login.exitCode()).as(login.err()).isZero();
    assertThat(threads.exitCode()).as(threads.err()).isZero();
    assertThat(threads.err()).contains("debug: GET").contains("debug: POST");
    List<String> secrets = new ArrayList<>(List.of(GoogleStandIn.CLIENT_SECRET));
    RecordedRequest exchange = google.requests("token.code").get(0);
    secrets.add(exchange.formParam("code"));
    secrets.add(exchange.formParam("code_verifier"));
    for (RecordedRequest request : google.requests("token.refresh")) {
      secrets.add(request.formParam("refresh_token"));
    }
    for (RecordedRequest request : google.requests("threads.list")) {
      secrets.add(request.header("authorization").substring("Bearer ".length()));
    }
    secrets.add(tokenField(firstToken, "token"));
    secrets.add(
        tokenField(
            Files.exists(cli.tokenPath()) ? Files.readString(cli.tokenPath()) : firstToken,
            "token"));
    String printed =
        login.out()
            + login.err()
            + threads.out()
            + threads.err()
            + status.out()
            + status.err()
            + logout.out()
            + logout.err();
    assertThat(secrets).allSatisfy(secret -> assertThat(secret).isNotBlank());
    assertThat(secrets).allSatisfy(secret -> assertThat(printed).doesNotContain(secret));
  }

  @Test
  void refreshThatCannotBeSaved_listsWithTheFreshToken_andWarnsOnce() throws Exception {
    String refresh = google.seedRefreshToken(TokenFixtures.READONLY);
    cli.token(TokenFixtures.expired(google, TestClock.NOW, refresh));
    Path dir = cli.configDir();
    // while Google answers the refresh, the directory vanishes and a file takes its name
    NetHttpTransport transport =
        new NetHttpTransport.Builder()
            .setConnectionFactory(
                url -> {
                  if (url.getPath().equals("/token")) {
                    FileFaults.replaceDirectoryWithFile(dir);
                  }
                  return new DefaultConnectionFactory().openConnection(url);
                })
            .build();

    CliRun run = cli.transport(transport).run("threads");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .startsWith("warning: could not save the refreshed login to " + cli.tokenPath())
        .contains("GMAILCLI_TOKEN_READONLY=1");
    assertThat(run.out()).isNotEmpty();
    assertThat(google.count("token.refresh")).isEqualTo(1);
    assertThat(google.count("threads.list")).isEqualTo(1);
  }

  private static String tokenField(String json, String field) {
    return JsonParser.parseString(json).getAsJsonObject().get(field).getAsString();
  }
}
