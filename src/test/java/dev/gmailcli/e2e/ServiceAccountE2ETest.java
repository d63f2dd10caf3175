package dev.gmailcli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailcli.harness.CliHarness;
import dev.gmailcli.harness.CliRun;
import dev.gmailcli.harness.ServiceAccountKeys;
import dev.gmailcli.harness.WithGoogleStandIn;
import dev.gmailcli.standin.GoogleStandIn;
import dev.gmailcli.standin.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Workspace service account acting for one user: the JWT bearer grant at the configured token
 * endpoint (RS256, checked with the key's public half), the delegated subject, the mailbox check,
 * and the key never in any output.
 */
@WithGoogleStandIn
class ServiceAccountE2ETest {
  static final String READONLY = "https://www.googleapis.com/auth/gmail.readonly";
  static final String SUBJECT = "alice@corp.example";

  GoogleStandIn google;
  CliHarness cli;
  Path key;
  String keyJson;

  @BeforeEach
  void keyWithDelegation() throws Exception {
    // google-auth signs its JWTs with the system clock, as the stand-in checks them
    cli.clock(Clock.systemUTC());
    google.mailbox().generate(3);
    key = cli.home().resolve("keys/mail-job.json");
    keyJson = ServiceAccountKeys.create(google, key);
  }

  private void delegated() {
    google.allowDelegation(ServiceAccountKeys.CLIENT_ID, READONLY);
  }

  private CliRun gmailcli(String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--service-account";
    all[args.length + 1] = key.toString();
    all[args.length + 2] = "--subject";
    all[args.length + 3] = SUBJECT;
    return cli.run(all);
  }

  @Test
  void threads_throughTheJwtGrant_readTheSubjectsMailbox() {
    delegated();
    CliRun run = gmailcli("threads", "--max", "3");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out().lines()).hasSize(3);
    assertThat(google.count("token.jwt")).isEqualTo(1);
    Map<String, Object> claims = google.assertions().get(0);
    assertThat(claims)
        .containsEntry("sub", SUBJECT)
        .containsEntry("iss", ServiceAccountKeys.CLIENT_EMAIL)
        .containsEntry("aud", "https://oauth2.googleapis.com/token")
        .containsEntry("scope", READONLY);
    RecordedRequest first =
        google.requests().stream()
            .filter(r -> !r.kind().startsWith("token"))
            .findFirst()
            .orElseThrow();
    assertThat(first.kind()).as("the mailbox is checked before any work").isEqualTo("profile");
    assertThat(google.requests("threads.list"))
        .allSatisfy(r -> assertThat(google.accountOf(r)).isEqualTo(SUBJECT));
    assertThat(cli.tokenPath()).doesNotExist();
  }

  @Test
  void aMailboxOtherThanTheSubjects_stopsBeforeReadingAnything() {
    delegated();
    google.answerForMailbox("someone-else@corp.example");

    CliRun run = gmailcli("threads");

    assertThat(run.exitCode()).isEqualTo(6);
    assertThat(run.err())
        .contains(
            "error: Gmail answered for the mailbox of someone-else@corp.example, not " + SUBJECT);
    assertThat(google.count("threads.list")).isZero();
  }

  @Test
  void withoutDomainWideDelegation_theAdministratorsFixIsNamed() {
    CliRun run = gmailcli("threads");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err())
        .contains(
            "error: Google does not let service account "
                + ServiceAccountKeys.CLIENT_EMAIL
                + " act for "
                + SUBJECT
                + " (unauthorized_client)")
        .contains("client ID " + ServiceAccountKeys.CLIENT_ID, READONLY, "Domain-wide delegation");
    assertThat(google.count("token.jwt")).isEqualTo(1);
    assertThat(google.count("threads.list")).isZero();
  }

  @Test
  void status_showsTheDelegation_andCheckMakesOneCall() {
    delegated();
    CliRun status = gmailcli("status");
    CliRun check = gmailcli("status", "--check");

    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(status.out())
        .contains(SUBJECT, ServiceAccountKeys.CLIENT_EMAIL, ServiceAccountKeys.CLIENT_ID, READONLY)
        .contains(key.toString());
    assertThat(check.exitCode()).as(check.err()).isZero();
    assertThat(check.out()).isEmpty();
    assertThat(check.err()).isEmpty();
    assertThat(google.count("profile")).isEqualTo(1);
  }

  @ParameterizedTest
  @CsvSource({"logout, keys are revoked in Google Cloud console", "login, needs no login"})
  void logoutAndLogin_doNotApply(String command, String hint) {
    CliRun run = gmailcli(command);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("does not apply to --service-account", hint);
  }

  @Test
  void theKeyIsNeverPrinted_evenVerbose() {
    delegated();
    google.answerForMailbox("someone-else@corp.example");
    CliRun failed = gmailcli("threads", "--verbose");
    google.answerForMailbox(null);
    CliRun worked = gmailcli("threads", "--verbose");

    String body = ServiceAccountKeys.privateKeyBody(keyJson);
    for (CliRun run : new CliRun[] {failed, worked}) {
      assertThat(run.out() + run.err())
          .doesNotContain(body.substring(0, 40))
          .doesNotContain("PRIVATE KEY")
          .doesNotContain("eyJ"); // no JWT either
    }
    assertThat(worked.err())
        .contains("debug: POST " + google.tokenUri() + "\ndebug:   -> ok in ")
        .contains("debug: GET " + google.baseUrl() + "gmail/v1/users/me/profile");
    assertThat(worked.err().lines().filter(l -> l.startsWith("debug: POST " + google.tokenUri())))
        .hasSize(1);
  }

  @Test
  void aKeyOthersCanRead_isWarnedAbout() throws Exception {
    delegated();
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

    CliRun run = gmailcli("threads", "--max", "1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .startsWith("warning: " + key + " can be read or written by others (mode 0644)");
  }
}
