package dev.gmailcli.e2e;

import static dev.gmailcli.e2e.ErrorScenario.of;

import dev.gmailcli.harness.CliHarness;
import dev.gmailcli.harness.CliRun;
import dev.gmailcli.harness.ServiceAccountKeys;
import dev.gmailcli.harness.TestBrowser;
import dev.gmailcli.platform.Terminal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;

/**
 * The README's rows for profiles and Workspace service accounts: names, combinations, a profile
 * without a login, another account on a profile, bad key files, a missing delegation and the wrong
 * mailbox.
 */
final class AccountErrorScenarios {
  static final String SUBJECT = "alice@corp.example";

  private AccountErrorScenarios() {}

  static Stream<ErrorScenario> scenarios() {
    return Stream.of(
        of(
            "profile-without-login",
            3,
            "no saved login for profile work — run `gmailcli login --profile work`",
            (google, cli) -> cli.interactive().run("threads", "--profile", "work")),
        of(
            "profile-name-invalid",
            2,
            "'../work' is not a profile name",
            (google, cli) -> cli.run("threads", "--profile", "../work")),
        of(
            "profile-and-token",
            2,
            "--profile and --token cannot be used together",
            (google, cli) -> cli.run("threads", "--profile", "office", "--token", "token.json")),
        of(
            "profile-switches-account",
            2,
            "profile work is logged in as alice@work.example, and this login is"
                + " alice@home.example; the profile was left as it was",
            (google, cli) -> {
              cli.credentials(google.credentialsJson()).browser(TestBrowser.following());
              google.email("alice@work.example");
              cli.interactive().run("login", "--profile", "work");
              google.email("alice@home.example");
              return cli.terminal(Terminal.none()).run("login", "--profile", "work");
            }),
        of(
            "service-account-without-subject",
            2,
            "--service-account needs --subject: a service account has no mailbox of its own",
            (google, cli) -> cli.run("threads", "--service-account", "key.json")),
        keyFile(
            "service-account-key-missing",
            "service account key file not found: $HOME/key.json",
            null),
        keyFile("service-account-key-not-json", "$HOME/key.json is not valid JSON", "{\"type\": "),
        keyFile(
            "service-account-key-of-another-kind",
            "$HOME/key.json is not a service account key (its \"type\" is \"authorized_user\","
                + " not \"service_account\")",
            "{\"type\": \"authorized_user\", \"refresh_token\": \"fake\"}"),
        keyFile(
            "service-account-key-lacks-private-key",
            "$HOME/key.json lacks \"private_key\"",
            "{\"type\": \"service_account\", \"client_email\": \"x@y.iam.gserviceaccount.com\"}"),
        keyFile(
            "service-account-key-unreadable",
            "$HOME/key.json has a \"private_key\" that is not a PKCS#8 RSA private key",
            "{\"type\": \"service_account\", \"client_email\": \"x@y.iam.gserviceaccount.com\","
                + " \"private_key\": \"-----BEGIN PRIVATE KEY-----\\nbm90IGEga2V5\\n-----END PRIVATE"
                + " KEY-----\\n\"}"),
        of(
            "service-account-not-delegated",
            3,
            "Google does not let service account "
                + ServiceAccountKeys.CLIENT_EMAIL
                + " act for "
                + SUBJECT
                + " (unauthorized_client)",
            (google, cli) -> {
              ServiceAccountKeys.create(google, cli.home().resolve("key.json"));
              return serviceAccount(cli, "threads");
            }),
        of(
            "service-account-wrong-mailbox",
            6,
            "Gmail answered for the mailbox of someone-else@corp.example, not " + SUBJECT,
            (google, cli) -> {
              ServiceAccountKeys.create(google, cli.home().resolve("key.json"));
              google.allowDelegation(
                  ServiceAccountKeys.CLIENT_ID, "https://www.googleapis.com/auth/gmail.readonly");
              google.answerForMailbox("someone-else@corp.example");
              return serviceAccount(cli, "threads");
            }));
  }

  private static ErrorScenario keyFile(String name, String readme, String content) {
    return of(
        name,
        4,
        readme,
        (google, cli) -> {
          if (content != null) {
            Files.writeString(cli.home().resolve("key.json"), content);
          }
          return serviceAccount(cli, "threads");
        });
  }

  // google-auth signs with the system clock, so the run must not stand at the fixed test time
  private static CliRun serviceAccount(CliHarness cli, String... args) {
    Path key = cli.home().resolve("key.json");
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--service-account";
    all[args.length + 1] = key.toString();
    all[args.length + 2] = "--subject";
    all[args.length + 3] = SUBJECT;
    return cli.clock(Clock.systemUTC()).run(all);
  }
}
