package dev.gmailcli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gmailcli.harness.CliHarness;
import dev.gmailcli.harness.CliRun;
import dev.gmailcli.harness.TestBrowser;
import dev.gmailcli.harness.TestClock;
import dev.gmailcli.harness.TokenFixtures;
import dev.gmailcli.harness.WithGoogleStandIn;
import dev.gmailcli.standin.GoogleStandIn;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The saved login's life cycle as seen through {@code gmailcli threads}. */
@WithGoogleStandIn
class ThreadsE2ETest {
  GoogleStandIn google;
  CliHarness cli;
  final Instant now = TestClock.NOW;

  @BeforeEach
  void twelveThreads() {
    google.mailbox().generate(12);
  }

  @Test
  void validToken_isUsedWithoutAnyTokenRequest() throws Exception {
    cli.token(TokenFixtures.valid(google, now));
    byte[] before = Files.readAllBytes(cli.tokenPath());

    CliRun run = cli.run("threads", "--max", "5", "--format", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(google.count("token.refresh")).isZero();
    assertThat(google.count("threads.list")).isEqualTo(1);
    assertThat(Files.readAllBytes(cli.tokenPath())).isEqualTo(before);
    JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
    assertThat(json.getAsJsonArray("threads")).hasSize(5);
    assertThat(json.getAsJsonArray("threads").get(0).getAsJsonObject().keySet())
        .containsExactly("id", "snippet", "historyId");
    assertThat(json.get("nextPageToken").getAsString()).isNotEmpty();
    assertThat(json.get("resultSizeEstimate").getAsLong()).isPositive();
  }

  @Test
  void expiredToken_refreshesExactlyOnce_savesAndKeepsRefreshToken() throws Exception {
    String refreshToken = google.seedRefreshToken(TokenFixtures.READONLY);
    cli.token(TokenFixtures.expired(google, now, refreshToken));

    CliRun first = cli.run("threads", "--max", "3");
    CliRun second = cli.run("threads", "--max", "3");

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.err()).isEmpty();
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(google.count("token.refresh")).isEqualTo(1);
    JsonObject saved = JsonParser.parseString(Files.readString(cli.tokenPath())).getAsJsonObject();
    assertThat(saved.get("refresh_token").getAsString()).isEqualTo(refreshToken);
    assertThat(saved.get("token").getAsString()).isNotEqualTo("ya29.fake-expired-access-token");
    assertThat(Instant.parse(saved.get("expiry").getAsString())).isAfter(now.plusSeconds(3000));
    assertThat(google.requests("token.refresh").get(0).formParam("scope"))
        .isEqualTo(TokenFixtures.READONLY);
  }

  @Test
  void rotatedRefreshToken_isSaved() throws Exception {
    google.rotateRefreshTokens();
    String refreshToken = google.seedRefreshToken(TokenFixtures.READONLY);
    cli.token(TokenFixtures.expired(google, now, refreshToken));

    assertThat(cli.run("threads").exitCode()).isZero();
    assertThat(cli.run("threads").exitCode()).isZero();

    JsonObject saved = JsonParser.parseString(Files.readString(cli.tokenPath())).getAsJsonObject();
    assertThat(saved.get("refresh_token").getAsString()).isNotEqualTo(refreshToken);
    assertThat(google.count("token.refresh")).isEqualTo(1);
  }

  @Test
  void revokedRefreshToken_exits3_explainsCauses_andLeavesFileUntouched() throws Exception {
    String refreshToken = google.seedRefreshToken(TokenFixtures.READONLY);
    google.revoke(refreshToken);
    cli.token(TokenFixtures.expired(google, now, refreshToken));
    byte[] before = Files.readAllBytes(cli.tokenPath());

    CliRun run = cli.run("threads");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains("invalid_grant")
        .contains("gmailcli login")
        .contains("7 days")
        .doesNotContain(refreshToken)
        .doesNotContain(GoogleStandIn.CLIENT_SECRET);
    assertThat(Files.readAllBytes(cli.tokenPath())).isEqualTo(before);
  }

  @Test
  void noTerminal_andNoToken_exits3_withoutBrowserOrListener() {
    CliRun run = cli.run("threads");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("not logged in").contains("gmailcli login");
    assertThat(google.count("auth")).isZero();
    assertThat(google.requests()).isEmpty();
  }

  @Test
  void terminal_andNoToken_logsInFirst_thenLists() throws Exception {
    cli.credentials(google.credentialsJson()).interactive().browser(TestBrowser.following());

    CliRun run = cli.run("threads", "--max", "2", "--format", "tsv");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines()).hasSize(2);
    assertThat(run.err()).contains("Not logged in yet").contains("Logged in as tester@example.com");
    assertThat(Files.exists(cli.tokenPath())).isTrue();
  }

  @Test
  void tokenWithoutReadScope_exits3_namingScopeAndLoginCommand() throws Exception {
    cli.token(TokenFixtures.valid(google, now, "https://www.googleapis.com/auth/gmail.send"));

    CliRun run = cli.run("threads");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err())
        .contains("gmail.readonly")
        .contains("gmailcli login --scope https://www.googleapis.com/auth/gmail.readonly");
    assertThat(google.requests()).isEmpty();
  }

  @Test
  void malformedTokenJson_exits4_andIsLeftUntouched() throws Exception {
    cli.token("{\"token\": \"abc\", \"refresh_token\": ");
    byte[] before = Files.readAllBytes(cli.tokenPath());

    CliRun run = cli.run("threads");

    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.err()).contains(cli.tokenPath().toString()).contains("not valid JSON");
    assertThat(Files.readAllBytes(cli.tokenPath())).isEqualTo(before);
  }

  @Test
  void tokenJsonOfWrongShape_exits4() throws Exception {
    cli.token("{\"token\": \"abc\", \"scopes\": 42}");

    CliRun run = cli.run("threads");

    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.err()).contains("scopes");
  }

  @Test
  void accessTokenRejectedMidway_forcesOneRefresh_savesIt_andRetries() throws Exception {
    cli.token(TokenFixtures.valid(google, now));
    google.expireAccessTokens();

    CliRun run = cli.run("threads", "--max", "3", "--format", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(google.count("token.refresh")).isEqualTo(1);
    assertThat(google.count("threads.list")).isEqualTo(2);
    String saved = Files.readString(cli.tokenPath());
    assertThat(JsonParser.parseString(saved).getAsJsonObject().get("token").getAsString())
        .isEqualTo(google.requests("threads.list").get(1).header("authorization").substring(7));
  }

  @Test
  void pythonTokenSamples_allLoad() throws Exception {
    String refresh = google.seedRefreshToken(TokenFixtures.READONLY, "openid");
    String access = google.seedAccessToken(TokenFixtures.READONLY, "openid");
    String id = GoogleStandIn.CLIENT_ID;
    String secret = GoogleStandIn.CLIENT_SECRET;
    String later = TokenFixtures.pythonExpiry(now.plusSeconds(3000)).replaceAll("\\.\\d+Z$", "Z");
    List<String> samples =
        List.of(
            // seconds only, scopes as a list
            "{\"token\": \""
                + access
                + "\", \"refresh_token\": \""
                + refresh
                + "\", \"token_uri\": \"https://oauth2.googleapis.com/token\", \"client_id\": \""
                + id
                + "\", \"client_secret\": \""
                + secret
                + "\", \"scopes\": [\""
                + TokenFixtures.READONLY
                + "\"], \"universe_domain\": \"googleapis.com\","
                + " \"account\": \"\", \"expiry\": \""
                + later
                + "\"}",
            // scopes as a space-separated string, no expiry (= expired), older google-auth
            "{\"token\": \""
                + access
                + "\", \"refresh_token\": \""
                + refresh
                + "\", \"client_id\": \""
                + id
                + "\", \"client_secret\": \""
                + secret
                + "\", \"scopes\": \""
                + TokenFixtures.READONLY
                + " openid\"}",
            // microseconds and an unknown field
            TokenFixtures.valid(google, now).replace("{", "{\"rapt_token\": \"fake-rapt\", "));
    for (String sample : samples) {
      cli.token(sample);
      CliRun run = cli.run("threads", "--max", "1");
      assertThat(run.exitCode()).as(sample + "\n" + run.err()).isZero();
      assertThat(run.out().lines()).hasSize(1);
    }
    assertThat(Files.readString(cli.tokenPath())).contains("\"rapt_token\": \"fake-rapt\"");
  }

  @Test
  void closedOutput_stopsFetchingFurtherPages() throws Exception {
    google.mailbox().generate(1200);
    cli.token(TokenFixtures.valid(google, now));
    Writer closedPipe =
        new Writer() {
          @Override
          public void write(char[] buffer, int offset, int length) throws IOException {
            throw new IOException("Broken pipe");
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };

    CliRun run = cli.out(closedPipe).run("threads", "--max", "1200", "--format", "ndjson");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(google.count("threads.list")).isEqualTo(1);
  }
}
