package dev.gmailcli.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmailcli.ExitCode;
import dev.gmailcli.GmailCliException;
import dev.gmailcli.auth.StoredToken;
import dev.gmailcli.auth.TokenFile;
import dev.gmailcli.auth.TokenRevoker;
import dev.gmailcli.harness.ScriptedHttp;
import dev.gmailcli.http.TimeoutsAndTracing;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogoutTaskTest {
  @TempDir Path dir;
  final ScriptedHttp http = new ScriptedHttp();

  LogoutTask task() {
    TokenRevoker revoker =
        new TokenRevoker(
            http,
            new TimeoutsAndTracing(line -> {}),
            TaskFixtures.REVOKE_URI,
            TaskFixtures.retrier());
    return new LogoutTask(TaskFixtures.store(dir.resolve("token.json"), http), revoker);
  }

  void saved(StoredToken token) {
    new TokenFile(dir.resolve("token.json")).write(token);
  }

  @Test
  void noSavedLogin_isNothingToDo_withoutAnyCall() {
    assertThat(task().run()).isEqualTo(LogoutTask.Result.NOT_LOGGED_IN);
    assertThat(http.calls()).isEmpty();
  }

  @Test
  void revokesTheRefreshToken_thenDeletesTheFile() {
    saved(TaskFixtures.validToken("a@example.com"));
    http.on("POST", TaskFixtures.REVOKE_URI, 200, "{}");

    assertThat(task().run()).isEqualTo(LogoutTask.Result.REVOKED);
    assertThat(http.calls())
        .singleElement()
        .satisfies(c -> assertThat(c.body()).isEqualTo("token=fake-refresh-token"));
    assertThat(dir.resolve("token.json")).doesNotExist();
  }

  @Test
  void tokenGoogleNoLongerKnows_isDeletedAllTheSame() {
    saved(TaskFixtures.validToken("a@example.com"));
    http.on("POST", TaskFixtures.REVOKE_URI, 400, "{\"error\": \"invalid_token\"}");

    assertThat(task().run()).isEqualTo(LogoutTask.Result.ALREADY_INVALID);
    assertThat(dir.resolve("token.json")).doesNotExist();
  }

  @Test
  void fileWithoutTokens_isDeletedWithoutACall() {
    StoredToken valid = TaskFixtures.validToken("");
    saved(
        new StoredToken(
            null,
            null,
            valid.tokenUri(),
            valid.clientId(),
            valid.clientSecret(),
            null,
            null,
            "",
            null,
            null));

    assertThat(task().run()).isEqualTo(LogoutTask.Result.NOTHING_TO_REVOKE);
    assertThat(http.calls()).isEmpty();
    assertThat(dir.resolve("token.json")).doesNotExist();
  }

  @Test
  void googleUnreachable_keepsTheFileForAnotherTry() throws Exception {
    saved(TaskFixtures.validToken("a@example.com"));
    String before = Files.readString(dir.resolve("token.json"));
    http.on("POST", TaskFixtures.REVOKE_URI, 503, "{}");

    assertThatThrownBy(() -> task().run())
        .isInstanceOfSatisfying(
            GmailCliException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(ExitCode.TEMPORARY);
              assertThat(e.getMessage()).startsWith("could not revoke the login: HTTP 503");
            });
    assertThat(http.calls()).hasSize(5);
    assertThat(Files.readString(dir.resolve("token.json"))).isEqualTo(before);
  }
}
