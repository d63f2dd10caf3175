package dev.gmailcli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailcli.harness.Launcher;
import dev.gmailcli.harness.TempHome;
import dev.gmailcli.harness.TokenFixtures;
import dev.gmailcli.harness.WithGoogleStandIn;
import dev.gmailcli.standin.GoogleStandIn;
import dev.gmailcli.standin.StandInMailbox.Msg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cron jobs that overlap on one cursor, as separate processes of the packaged launcher: they take
 * turns under the cursor's lock, so each arrival is printed by exactly one of them.
 */
@WithGoogleStandIn
class NewThreadsIT {
  @TempHome Path home;
  GoogleStandIn google;
  Launcher gmailcli;

  @BeforeEach
  void login() throws Exception {
    google.mailbox().generate(3);
    gmailcli = Launcher.packaged().google(google.baseUrl()).env("HOME", home.toString());
    Path token = home.resolve(".config/gmailcli/token.json");
    Files.createDirectories(token.getParent());
    Files.writeString(
        token,
        TokenFixtures.withAccount(
            TokenFixtures.valid(google, Instant.now()), "tester@example.com"));
    Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void twoRunsStartedTogether_onOneCursor_printEachArrivalOnce() throws Exception {
    Launcher.Result first = gmailcli.run("threads", "--new");
    assertThat(first.exitCode()).as(first.err()).isZero();
    Instant now = Instant.now();
    google.mailbox().deliver("new1", Msg.arriving("One", "a@example.com", now));
    google.mailbox().deliver("new2", Msg.arriving("Two", "a@example.com", now.plusSeconds(1)));
    // slow enough that the second run asks for the lock while the first still holds it
    google.delayHistoryResponses(Duration.ofMillis(1500));

    List<Process> runs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      runs.add(gmailcli.start("threads", "--new", "--format", "tsv", "--no-details"));
    }
    List<String> printed = new ArrayList<>();
    for (Process run : runs) {
      Launcher.Result result = Launcher.finish(run);
      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(result.err()).isEmpty();
      result.out().lines().map(line -> line.split("\t")[0]).forEach(printed::add);
    }

    assertThat(printed).containsExactlyInAnyOrder("new1", "new2");
    assertThat(google.count("history.list")).isEqualTo(2);
  }
}
