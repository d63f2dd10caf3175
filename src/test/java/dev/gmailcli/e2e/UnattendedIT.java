package dev.gmailcli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gmailcli.harness.Launcher;
import dev.gmailcli.harness.TempHome;
import dev.gmailcli.harness.TokenFixtures;
import dev.gmailcli.harness.WithGoogleStandIn;
import dev.gmailcli.standin.GoogleStandIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cron's view of the packaged launcher: overlapping runs with an expired token refresh once, and a
 * run killed with {@code kill -9} at any moment of a refresh leaves token.json whole.
 */
@WithGoogleStandIn
class UnattendedIT {
  @TempHome Path home;
  GoogleStandIn google;
  Launcher gmailcli;
  Path token;
  String refreshToken;

  @BeforeEach
  void expiredLogin() throws IOException {
    google.mailbox().generate(3);
    gmailcli = Launcher.packaged().google(google.baseUrl()).env("HOME", home.toString());
    token = home.resolve(".config/gmailcli/token.json");
    Files.createDirectories(token.getParent());
    refreshToken = google.seedRefreshToken(TokenFixtures.READONLY);
    Files.writeString(token, TokenFixtures.expired(google, Instant.now(), refreshToken));
    Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void sixRunsStartedTogether_withAnExpiredToken_refreshOnce_andAllSucceed() throws Exception {
    // slow enough that all six read the expired token before the first refresh is saved
    google.delayTokenResponses(Duration.ofMillis(1500));
    List<Process> runs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      runs.add(gmailcli.start("threads", "--max", "3", "--format", "json"));
    }

    for (Process run : runs) {
      Launcher.Result result = Launcher.finish(run);
      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(result.err()).isEmpty();
      assertThat(JsonParser.parseString(result.out()).getAsJsonObject().getAsJsonArray("threads"))
          .hasSize(3);
    }
    assertThat(google.count("token.refresh")).isEqualTo(1);
    assertWhole();
  }

  @Test
  void killedAtAnyMomentOfARefresh_leavesTheOldOrTheNewTokenWhole() throws Exception {
    // every run refreshes and saves: an access token that lives less than the refresh margin
    google.accessTokenLifetime(Duration.ofSeconds(30)).delayTokenResponses(Duration.ofMillis(200));
    Random random = new Random(7);
    for (int round = 0; round < 12; round++) {
      Process run = gmailcli.start("threads", "--max", "1");
      Thread.sleep(random.nextInt(1200));
      run.destroyForcibly(); // SIGKILL
      run.waitFor();
      assertWhole();
      assertThat(temporaryFiles()).as("round %d", round).hasSizeLessThanOrEqualTo(1);
    }

    Launcher.Result last = gmailcli.run("threads", "--max", "1");

    assertThat(last.exitCode()).as(last.err()).isZero();
    assertWhole();
    assertThat(temporaryFiles()).as("cleaned up by the next save").isEmpty();
    assertThat(google.count("token.refresh")).isPositive();
  }

  private void assertWhole() throws IOException {
    JsonObject saved = JsonParser.parseString(Files.readString(token)).getAsJsonObject();
    assertThat(saved.get("refresh_token").getAsString()).isEqualTo(refreshToken);
    assertThat(saved.get("token").getAsString()).isNotEmpty();
    assertThat(saved.get("client_id").getAsString()).isEqualTo(GoogleStandIn.CLIENT_ID);
    assertThat(Files.getPosixFilePermissions(token))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  private List<Path> temporaryFiles() throws IOException {
    try (Stream<Path> files = Files.list(token.getParent())) {
      return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
