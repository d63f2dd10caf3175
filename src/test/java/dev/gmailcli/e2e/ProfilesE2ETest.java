package dev.gmailcli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import dev.gmailcli.harness.CliHarness;
import dev.gmailcli.harness.CliRun;
import dev.gmailcli.harness.TestBrowser;
import dev.gmailcli.harness.TypedStdin;
import dev.gmailcli.harness.WithGoogleStandIn;
import dev.gmailcli.platform.Terminal;
import dev.gmailcli.standin.GoogleStandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Several accounts side by side: each profile its own login, lock and mailbox. */
@WithGoogleStandIn
class ProfilesE2ETest {
  static final String WORK = "alice@work.example";
  static final String HOME = "alice@home.example";

  GoogleStandIn google;
  CliHarness cli;

  @BeforeEach
  void credentials() throws Exception {
    google.mailbox().generate(2);
    cli.credentials(google.credentialsJson());
  }

  private CliRun login(String account, String... args) {
    google.email(account);
    String[] all = new String[args.length + 1];
    all[0] = "login";
    System.arraycopy(args, 0, all, 1, args.length);
    return cli.browser(TestBrowser.following()).interactive().run(all);
  }

  private Path profileToken(String name) {
    return cli.configDir().resolve("profiles").resolve(name).resolve("token.json");
  }

  @Test
  void twoProfiles_twoAccounts_eachCommandHitsItsOwn() throws Exception {
    assertThat(login(WORK, "--profile", "work").exitCode()).isZero();
    assertThat(login(HOME, "--profile", "personal").exitCode()).isZero();
    google.clearRequests();

    CliRun work = cli.terminal(Terminal.none()).run("threads", "--profile", "work");
    CliRun personal = cli.env("GMAILCLI_PROFILE", "personal").run("threads", "--format", "json");

    assertThat(work.exitCode()).as(work.err()).isZero();
    assertThat(personal.exitCode()).as(personal.err()).isZero();
    assertThat(google.requests("threads.list"))
        .extracting(google::accountOf)
        .containsExactly(WORK, HOME);
    assertThat(cli.tokenPath()).as("the default login is untouched").doesNotExist();
    for (String name : new String[] {"work", "personal"}) {
      assertThat(Files.getPosixFilePermissions(profileToken(name)))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      assertThat(Files.getPosixFilePermissions(profileToken(name).getParent()))
          .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void statusAll_listsEveryLogin_andChecksEach() throws Exception {
    login(WORK, "--profile", "work");
    login(HOME);
    cli.terminal(Terminal.none());

    CliRun table = cli.run("status", "--all");
    CliRun json = cli.run("status", "--all", "--check", "--format", "json");

    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(table.out().lines())
        .hasSize(3)
        .anySatisfy(l -> assertThat(l).startsWith("(default)").contains(HOME))
        .anySatisfy(l -> assertThat(l).startsWith("work").contains(WORK, "gmail.readonly"));
    assertThat(json.exitCode()).as(json.err()).isZero();
    JsonArray rows = JsonParser.parseString(json.out()).getAsJsonArray();
    assertThat(rows).hasSize(2);
    assertThat(rows)
        .allSatisfy(r -> assertThat(r.getAsJsonObject().get("works").getAsBoolean()).isTrue());
    assertThat(google.count("profile")).isEqualTo(2 + 2); // one per login, one per check
  }

  @Test
  void statusAllCheck_aLoginThatNoLongerWorks_failsItsLine_andTheExitCode() throws Exception {
    login(WORK, "--profile", "work");
    google.expireAccessTokens();
    String refresh =
        JsonParser.parseString(Files.readString(profileToken("work")))
            .getAsJsonObject()
            .get("refresh_token")
            .getAsString();
    google.revoke(refresh);

    CliRun run = cli.terminal(Terminal.none()).run("status", "--all", "--check");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out()).contains("fails: the saved login is no longer valid");
  }

  @Test
  void anUnknownProfile_isExit3_namingTheLoginToRun() {
    CliRun run = cli.interactive().run("threads", "--profile", "nosuch");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err())
        .contains(
            "error: no saved login for profile nosuch — run `gmailcli login --profile nosuch`");
    assertThat(google.requests()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../escape",
        "a/b",
        ".",
        "..",
        "with space",
        "é",
        "x12345678901234567890123456789012345678901234567890123456789012345"
      })
  void aNameThatIsNotAProfileName_isAUsageError(String name) {
    CliRun run = cli.run("status", "--profile=" + name);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("is not a profile name");
  }

  @Test
  void profileAndToken_together_areAUsageError() {
    CliRun run = cli.run("status", "--profile", "work", "--token", "/tmp/token.json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--profile and --token cannot be used together");
  }

  @Test
  void anotherAccountOnAProfile_isRefusedWithoutAPerson_andNeedsForce() throws Exception {
    login(WORK, "--profile", "work");
    String before = Files.readString(profileToken("work"));
    google.email(HOME);

    CliRun refused =
        cli.terminal(new Terminal(false, false, false, 80)).run("login", "--profile", "work");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err())
        .contains("error: profile work is logged in as " + WORK + ", and this login is " + HOME)
        .contains("--force");
    assertThat(Files.readString(profileToken("work"))).isEqualTo(before);

    CliRun forced = cli.run("login", "--profile", "work", "--force");
    assertThat(forced.exitCode()).as(forced.err()).isZero();
    assertThat(Files.readString(profileToken("work"))).contains(HOME);
  }

  @Test
  void anotherAccountOnAProfile_isReplacedWhenThePersonSaysYes() throws Exception {
    login(WORK, "--profile", "work");
    google.email(HOME);
    TypedStdin person = new TypedStdin();
    try {
      CliRun run =
          cli.stdin(person)
              .watchErr(
                  line -> {
                    if (line.endsWith("[y/N]")) {
                      person.type("y");
                    }
                  })
              .run("login", "--profile", "work");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.err())
          .contains(
              "Profile work is logged in as " + WORK + ". Replace it with " + HOME + "? [y/N]")
          .contains("Logged in as " + HOME);
    } finally {
      person.close();
    }
  }

  @Test
  void logoutOfAProfile_revokesAndDeletesOnlyThatOne() throws Exception {
    login(WORK, "--profile", "work");
    login(HOME, "--profile", "personal");

    CliRun run = cli.run("logout", "--profile", "work");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(profileToken("work")).doesNotExist();
    assertThat(profileToken("personal")).exists();
    assertThat(google.count("revoke")).isEqualTo(1);
  }

  @Test
  void aProfilesNewThreadCursors_liveWithTheProfile() throws Exception {
    login(WORK, "--profile", "work");

    CliRun first = cli.terminal(Terminal.none()).run("threads", "--new", "--profile", "work");

    assertThat(first.exitCode()).as(first.err()).isZero();
    Path cursors =
        cli.home().resolve(".local/state/gmailcli/profiles").resolve("work").resolve("cursors");
    try (var files = Files.list(cursors)) {
      assertThat(files.filter(f -> f.toString().endsWith(".json"))).hasSize(1);
    }
    assertThat(cli.home().resolve(".local/state/gmailcli/cursors")).doesNotExist();
  }
}
