package dev.gmailcli.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmailcli.ExitCode;
import dev.gmailcli.GmailCliException;
import dev.gmailcli.auth.CredentialStore;
import dev.gmailcli.auth.StoredToken;
import dev.gmailcli.auth.TokenFile;
import dev.gmailcli.harness.RecordingSleeper;
import dev.gmailcli.harness.ScriptedHttp;
import dev.gmailcli.output.StatusReport;
import dev.gmailcli.state.Cursor;
import dev.gmailcli.state.CursorKey;
import dev.gmailcli.state.CursorStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusTaskTest {
  @TempDir Path dir;
  final ScriptedHttp http = new ScriptedHttp();

  StatusTask task() {
    CredentialStore store = TaskFixtures.store(dir.resolve("token.json"), http);
    return new StatusTask(
        () ->
            StatusTask.of(
                store.find().orElseThrow(() -> CredentialStore.notLoggedIn(store.file())),
                store,
                cursors(),
                TaskFixtures.CLOCK),
        new SavedLoginAccess(
            store,
            null,
            false,
            () -> {
              throw new AssertionError("no login expected");
            },
            authorization -> {
              throw new AssertionError("no Gmail call expected");
            },
            new PrintWriter(new StringWriter(), true)));
  }

  CursorStore cursors() {
    return new CursorStore(dir.resolve("state/cursors"), new RecordingSleeper(), line -> {});
  }

  @Test
  void reportsTheSavedLogin_withoutAnyCall() {
    StoredToken token = TaskFixtures.validToken("alice@example.com");
    new TokenFile(dir.resolve("token.json")).write(token);

    StatusReport report = (StatusReport) task().report();

    assertThat(report.account()).isEqualTo("alice@example.com");
    assertThat(report.tokenFile()).isEqualTo(dir.resolve("token.json").toAbsolutePath());
    assertThat(report.clientId()).isEqualTo("fake-client-id");
    assertThat(report.scopes()).isEqualTo(token.scopes());
    assertThat(report.expiry()).isEqualTo(TaskFixtures.NOW.plusSeconds(3600));
    assertThat(report.accessTokenValid()).isTrue();
    assertThat(report.refreshTokenPresent()).isTrue();
    assertThat(report.now()).isEqualTo(TaskFixtures.NOW);
    assertThat(report.cursorDirectory()).isEqualTo(dir.resolve("state/cursors"));
    assertThat(report.cursors()).isEmpty();
    assertThat(http.calls()).isEmpty();
  }

  @Test
  void listsTheCursorsOfThreadsNew() {
    new TokenFile(dir.resolve("token.json")).write(TaskFixtures.validToken("a@example.com"));
    CursorKey key = new CursorKey("invoices", "a@example.com", "invoice", List.of(), false);
    CursorStore cursors =
        new CursorStore(dir.resolve("state/cursors"), new RecordingSleeper(), line -> {});
    try (CursorStore.Hold hold = cursors.hold(key)) {
      hold.write(new Cursor(key, "42", TaskFixtures.NOW));
    }

    StatusReport report = (StatusReport) task().report();

    assertThat(report.cursors())
        .singleElement()
        .satisfies(listing -> assertThat(listing.cursor().key()).isEqualTo(key));
    assertThat(http.calls()).isEmpty();
  }

  @Test
  void expiredAccessTokenWithoutScopes_isReportedAsSuch() {
    StoredToken valid = TaskFixtures.validToken("");
    new TokenFile(dir.resolve("token.json"))
        .write(
            new StoredToken(
                valid.token(),
                null,
                valid.tokenUri(),
                valid.clientId(),
                valid.clientSecret(),
                null,
                null,
                null,
                TaskFixtures.NOW.minusSeconds(1),
                null));

    StatusReport report = (StatusReport) task().report();

    assertThat(report.accessTokenValid()).isFalse();
    assertThat(report.refreshTokenPresent()).isFalse();
    assertThat(report.scopes()).isEqualTo(List.of());
    assertThat(report.account()).isEmpty();
  }

  @Test
  void noSavedLogin_isLoginRequired() {
    assertThatThrownBy(() -> task().report())
        .isInstanceOfSatisfying(
            GmailCliException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(ExitCode.LOGIN_REQUIRED);
              assertThat(e.getMessage()).contains("gmailcli login", "token.json");
            });
  }
}
