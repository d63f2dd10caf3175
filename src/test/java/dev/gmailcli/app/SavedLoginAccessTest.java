package dev.gmailcli.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmailcli.ExitCode;
import dev.gmailcli.GmailCliException;
import dev.gmailcli.auth.GmailAuthorization;
import dev.gmailcli.auth.StoredToken;
import dev.gmailcli.auth.TokenFile;
import dev.gmailcli.harness.ScriptedHttp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedLoginAccessTest {
  @TempDir Path dir;
  final ScriptedHttp http = new ScriptedHttp();
  final StringWriter err = new StringWriter();
  final AtomicInteger logins = new AtomicInteger();

  MailboxAccess access(boolean personPresent) {
    return access(null, personPresent);
  }

  MailboxAccess access(String profile, boolean personPresent) {
    Path file = dir.resolve("token.json");
    return new SavedLoginAccess(
        TaskFixtures.store(file, http),
        profile,
        personPresent,
        () -> {
          logins.incrementAndGet();
          StoredToken token = TaskFixtures.validToken("new@example.com");
          new TokenFile(file).write(token);
          return token;
        },
        authorization -> TaskFixtures.gmail(http, authorization),
        new PrintWriter(err, true));
  }

  @Test
  void savedValidLogin_isUsedAsItIs() {
    new TokenFile(dir.resolve("token.json")).write(TaskFixtures.validToken("a@example.com"));

    GmailAuthorization authorization = access(true).open();

    assertThat(authorization.account()).isEqualTo("a@example.com");
    assertThat(logins).hasValue(0);
    assertThat(http.calls()).isEmpty();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void noLogin_andNoPerson_failsAtOnce_withoutLoggingIn() {
    assertThatThrownBy(() -> access(false).open())
        .isInstanceOfSatisfying(
            GmailCliException.class,
            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.LOGIN_REQUIRED));
    assertThat(logins).hasValue(0);
  }

  @Test
  void noLogin_withAPerson_logsInFirst_andSaysSo() {
    GmailAuthorization authorization = access(true).open();

    assertThat(logins).hasValue(1);
    assertThat(authorization.account()).isEqualTo("new@example.com");
    assertThat(err.toString()).contains("Not logged in yet: starting `gmailcli login`.");
  }

  @Test
  void expiredLogin_isRefreshedAndSavedBeforeUse() {
    StoredToken valid = TaskFixtures.validToken("a@example.com");
    new TokenFile(dir.resolve("token.json"))
        .write(valid.refreshed("old-access", TaskFixtures.NOW.minusSeconds(60), null, null));
    http.on(
        "POST",
        TaskFixtures.TOKEN_URI,
        200,
        "{\"access_token\": \"fresh-access\", \"expires_in\": 3599, \"token_type\": \"Bearer\"}");

    access(false).open();

    assertThat(http.calls()).hasSize(1);
    assertThat(new TokenFile(dir.resolve("token.json")).read().orElseThrow().token())
        .isEqualTo("fresh-access");
  }

  @Test
  void aProfileWithoutALogin_isExit3_andNoLoginIsOffered_evenToAPerson() {
    assertThatThrownBy(() -> access("work", true).open())
        .isInstanceOfSatisfying(
            GmailCliException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(ExitCode.LOGIN_REQUIRED);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "no saved login for profile work — run `gmailcli login --profile work`");
            });
    assertThat(logins).hasValue(0);
  }

  @Test
  void openAndProve_makesOneProfileCall_andNeverOffersALogin() {
    new TokenFile(dir.resolve("token.json")).write(TaskFixtures.validToken("a@example.com"));
    http.on(
        "GET",
        TaskFixtures.GMAIL_ROOT + "gmail/v1/users/me/profile",
        200,
        "{\"emailAddress\": \"a@example.com\", \"historyId\": \"7\"}");

    access(true).openAndProve();

    assertThat(http.calls()).hasSize(1);
  }

  @Test
  void openAndProve_withoutALogin_failsEvenForAPerson() {
    assertThatThrownBy(() -> access(true).openAndProve())
        .isInstanceOfSatisfying(
            GmailCliException.class,
            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.LOGIN_REQUIRED));
    assertThat(logins).hasValue(0);
    assertThat(http.calls()).isEmpty();
  }
}
