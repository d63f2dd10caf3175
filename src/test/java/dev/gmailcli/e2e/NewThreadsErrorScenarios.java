package dev.gmailcli.e2e;

import static dev.gmailcli.e2e.ErrorScenario.of;
import static dev.gmailcli.e2e.ErrorScenario.validLogin;

import dev.gmailcli.harness.CliHarness;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * The README's rows for {@code threads --new}: options that do not go together, a cursor name that
 * is not one, a cursor of another mailbox, cursor files gmailcli cannot use or save, and another
 * run holding the cursor's lock.
 */
final class NewThreadsErrorScenarios {
  static final String CURSORS = "$HOME/.local/state/gmailcli/cursors";

  private NewThreadsErrorScenarios() {}

  static Stream<ErrorScenario> scenarios() {
    return Stream.of(
        of(
            "new-with-page-token",
            2,
            "--page-token does not go with --new",
            (google, cli) -> cli.run("threads", "--new", "--page-token", "abc")),
        of(
            "cursor-without-new",
            2,
            "--cursor and --fail-empty go only with --new",
            (google, cli) -> cli.run("threads", "--cursor", "jobs")),
        of(
            "cursor-name-invalid",
            2,
            "\"../jobs\" is not a cursor name",
            (google, cli) -> cli.run("threads", "--new", "--cursor", "../jobs")),
        of(
            "cursor-of-another-mailbox",
            2,
            "the cursor \"jobs\" follows the mailbox of other@example.com, not that of"
                + " tester@example.com",
            (google, cli) -> {
              writeCursor(
                  cli,
                  "{\"cursor\": \"jobs\", \"account\": \"other@example.com\", \"historyId\":"
                      + " \"5\", \"lastRun\": \"2024-03-15T11:00:00Z\"}");
              return validLogin(google, cli).run("threads", "--new", "--cursor", "jobs");
            }),
        of(
            "cursor-not-json",
            4,
            "cannot use the cursor " + CURSORS + "/named-jobs.json: it is not valid JSON",
            (google, cli) -> {
              writeCursor(cli, "{\"historyId\": ");
              return validLogin(google, cli).run("threads", "--new", "--cursor", "jobs");
            }),
        of(
            "cursor-directory-blocked",
            4,
            "cannot keep the cursors of `threads --new` in "
                + CURSORS
                + ": $HOME/.local/state/gmailcli is in the way: it is not a directory",
            (google, cli) -> {
              Files.createDirectories(cli.cursorsDir().getParent().getParent());
              Files.writeString(cli.cursorsDir().getParent(), "not a directory");
              return validLogin(google, cli).run("threads", "--new");
            }),
        of(
            "cursor-cannot-be-saved",
            4,
            "cannot save the cursor to " + CURSORS + "/named-jobs.json: ",
            (google, cli) -> {
              validLogin(google, cli).run("threads", "--new", "--cursor", "jobs");
              // the directory is gone by the time the cursor is to be moved
              return cli.transport(
                      new BeforeRequestTransport(
                          "/history",
                          1,
                          () -> FileFaults.replaceDirectoryWithFile(cli.cursorsDir())))
                  .run("threads", "--new", "--cursor", "jobs");
            }),
        of(
            "cursor-lock-held",
            5,
            "another gmailcli is reading new threads for the cursor "
                + CURSORS
                + "/named-jobs.json and has held "
                + CURSORS
                + "/named-jobs.json.lock for over 120 s",
            (google, cli) -> {
              Path lock = Files.createDirectories(cli.cursorsDir()).resolve("named-jobs.json.lock");
              try (FileChannel channel =
                      FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                  FileLock held = channel.lock()) {
                return validLogin(google, cli).run("threads", "--new", "--cursor", "jobs");
              }
            }));
  }

  private static void writeCursor(CliHarness cli, String json) throws IOException {
    Files.createDirectories(cli.cursorsDir());
    Files.writeString(cli.cursorsDir().resolve("named-jobs.json"), json);
  }
}
