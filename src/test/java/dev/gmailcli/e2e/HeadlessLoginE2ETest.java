package dev.gmailcli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmailcli.harness.CliHarness;
import dev.gmailcli.harness.CliRun;
import dev.gmailcli.harness.RemotePerson;
import dev.gmailcli.harness.TestBrowser;
import dev.gmailcli.harness.TypedStdin;
import dev.gmailcli.harness.WithGoogleStandIn;
import dev.gmailcli.platform.Terminal;
import dev.gmailcli.standin.GoogleStandIn;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Logging in on a machine without a browser: the consent URL is opened elsewhere and the address
 * the browser ends on is pasted back, while the loopback listener also waits; the first valid
 * answer wins.
 */
@WithGoogleStandIn
class HeadlessLoginE2ETest {
  GoogleStandIn google;
  CliHarness cli;

  @BeforeEach
  void aliceAndCredentials() throws Exception {
    google.email("alice@example.com");
    cli.credentials(google.credentialsJson());
  }

  private CliRun loginAtATerminal(RemotePerson person, String... options) {
    String[] args = new String[options.length + 3];
    args[0] = "login";
    args[1] = "--timeout";
    args[2] = "20s";
    System.arraycopy(options, 0, args, 3, options.length);
    return cli.interactive().stdin(person.stdin()).watchErr(person).run(args);
  }

  @Test
  void noBrowser_pastedAddress_logsIn_andStopsTheListener() throws Exception {
    RemotePerson person = RemotePerson.pastingTheAddress();

    CliRun run = loginAtATerminal(person, "--no-browser");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err())
        .contains("To log in, open this URL in a browser on any machine")
        .contains("Paste the address, then press Enter:")
        .contains("Logged in as alice@example.com.");
    assertThat(cli.tokenPath()).exists();
    assertThat(google.count("token.code")).isEqualTo(1);
    int port = URI.create(person.redirect()).getPort();
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void aPasteFromAnotherLogin_isRefused_andThePromptStaysOpen() {
    RemotePerson person =
        new RemotePerson(
            address -> List.of(address.replaceFirst("state=[^&]+", "state=forged"), address));

    CliRun run = loginAtATerminal(person, "--no-browser");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err())
        .contains("That address belongs to another login attempt (its state does not match")
        .contains("Logged in as alice@example.com.");
    assertThat(google.count("token.code")).isEqualTo(1);
  }

  @Test
  void theCodeAlone_isEnough() {
    RemotePerson person = new RemotePerson(address -> List.of(RemotePerson.param(address, "code")));

    CliRun run = loginAtATerminal(person, "--no-browser");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("Logged in as alice@example.com.");
  }

  @Test
  void aPastedRefusal_isDeclined() {
    google.declineConsent();

    CliRun run = loginAtATerminal(RemotePerson.pastingTheAddress(), "--no-browser");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("error: you declined access in the browser");
    assertThat(cli.tokenPath()).doesNotExist();
  }

  @Test
  void pasteWins_whileTheBrowserOnThisMachineDoesNothing() throws Exception {
    TestBrowser idle = TestBrowser.idle();
    cli.browser(idle);

    CliRun run = loginAtATerminal(RemotePerson.pastingTheAddress());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(idle.opened()).hasSize(1);
    assertThat(run.err())
        .contains("If the browser is on another machine, paste here the address it ends on")
        .contains("Logged in as alice@example.com.");
  }

  @Test
  void listenerWins_whileNothingIsPasted() throws Exception {
    TypedStdin nothing = new TypedStdin();
    TestBrowser browser = TestBrowser.following();
    try {
      CliRun run =
          cli.interactive().stdin(nothing).browser(browser).run("login", "--timeout", "20s");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.err()).contains("Logged in as alice@example.com.");
      assertThat(browser.landingPages().get(0)).contains("close this tab");
    } finally {
      nothing.close();
    }
  }

  @Test
  void withoutATerminal_noBrowser_readsThePipedAddress_withoutPrompting() {
    RemotePerson person = RemotePerson.pastingTheAddress();

    CliRun run =
        cli.terminal(Terminal.none())
            .stdin(person.stdin())
            .watchErr(person)
            .run("login", "--no-browser", "--timeout", "20s");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err())
        .contains("for the address on standard input")
        .doesNotContain("press Enter")
        .contains("Logged in as alice@example.com.");
  }

  @Test
  void withoutATerminal_noBrowser_andNothingPiped_timesOutCleanly() {
    CliRun run = cli.terminal(Terminal.none()).run("login", "--no-browser", "--timeout", "1s");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("error: login timed out after 1s");
    assertThat(cli.tokenPath()).doesNotExist();
  }
}
