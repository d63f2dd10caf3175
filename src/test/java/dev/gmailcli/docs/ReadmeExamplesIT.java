package dev.gmailcli.docs;

import static dev.gmailcli.harness.TokenFixtures.READONLY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailcli.docs.ReadmeExample.Command;
import dev.gmailcli.docs.ReadmeShell.Result;
import dev.gmailcli.harness.ServiceAccountKeys;
import dev.gmailcli.harness.TokenFixtures;
import dev.gmailcli.standin.GoogleStandIn;
import dev.gmailcli.standin.StandInMailbox.Msg;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's command examples run as written, with the packaged launcher, against a Google
 * stand-in: every {@code sh} or {@code console} block that runs gmailcli carries a {@code <!--
 * doctest … -->} comment (see {@link ReadmeExample} for what it may ask), and each one not skipped
 * runs command by command in a fresh temporary HOME, with a stand-in of its own (started here: the
 * stand-in extension gives one per test method, not per dynamic test). Each command must succeed
 * without an {@code error:} or {@code warning:}; a {@code console} command the README shows
 * printing something must print something, and one it marks silent must print nothing; a login must
 * end logged in.
 */
class ReadmeExamplesIT {
  static final String ACCOUNT = "alice@example.com";
  static List<ReadmeExample> examples;

  @TempDir Path temp;

  @BeforeAll
  static void read() throws IOException {
    examples =
        MarkdownDoc.read(Path.of("README.md")).blocks().stream()
            .map(ReadmeExample::of)
            .filter(ReadmeExample::runsGmailcli)
            .toList();
  }

  @Test
  void everyExampleThatTalksToGoogle_isRun_orSaysWhyNot() {
    assertThat(examples)
        .filteredOn(ReadmeExample::talksToGoogle)
        .hasSizeGreaterThan(10)
        .allSatisfy(e -> assertThat(e.marked()).as("%s has a doctest comment", e.where()).isTrue())
        .allSatisfy(
            e ->
                assertThat(e.skipReason().orElse("skip: run"))
                    .as("%s says why it is skipped", e.where())
                    .matches("skip: \\S.*"));
    assertThat(examples)
        .filteredOn(ReadmeExample::marked)
        .allSatisfy(e -> assertThat(e.unknownDirectives()).as(e.where()).isEmpty());
  }

  @TestFactory
  Stream<DynamicTest> readmeExamples() {
    return examples.stream()
        .filter(e -> e.marked() && e.skipReason().isEmpty())
        .map(e -> DynamicTest.dynamicTest(e.where(), () -> run(e)));
  }

  private void run(ReadmeExample example) throws Exception {
    Path work = Files.createTempDirectory(temp, "example");
    try (GoogleStandIn google = GoogleStandIn.start().email(ACCOUNT)) {
      google.mailbox().generate(12);
      ReadmeShell shell = new ReadmeShell(google, work);
      Path config = Files.createDirectories(shell.home().resolve(".config/gmailcli"));
      Files.writeString(config.resolve("credentials.json"), google.credentialsJson());
      if (!example.has("logged out")) {
        writeLogin(google, config.resolve("token.json"));
      }
      example
          .argument("also profile")
          .ifPresent(p -> writeLogin(google, config.resolve("profiles/" + p + "/token.json")));
      example.argument("service account key").ifPresent(key -> serviceAccount(google, work, key));

      for (Command command : example.commands()) {
        if (example
            .argument("new mail before command")
            .equals(Optional.of(String.valueOf(command.number())))) {
          newMail(google);
        }
        Result result = shell.run(inWorkDirectory(example, command.text(), work));
        String what = example.where() + " `" + command.text() + "` printed:\n" + result;
        assertThat(result.exitCode()).as(what).isZero();
        assertThat(result.err()).as(what).doesNotContain("error:").doesNotContain("warning:");
        if (command.text().matches("(target/)?gmailcli login.*")) {
          assertThat(result.err()).as(what).contains("Logged in as " + ACCOUNT + ".");
        }
        if (example.silentCommands().contains(command.number())) {
          assertThat(result.out() + result.err()).as(what).isEmpty();
        } else if (command.showsOutput()) {
          assertThat(result.out() + result.err()).as(what).isNotBlank();
        }
      }
      if (example.talksToGoogle()) {
        assertThat(google.requests()).as(example.where() + " reached Google").isNotEmpty();
      }
      assertThat(google.unmatched()).as(example.where()).isEmpty();
    }
  }

  private static void writeLogin(GoogleStandIn google, Path token) {
    try {
      Files.createDirectories(token.getParent());
      Files.setPosixFilePermissions(
          token.getParent(), PosixFilePermissions.fromString("rwx------"));
      Files.writeString(
          token, TokenFixtures.withAccount(TokenFixtures.valid(google, Instant.now()), ACCOUNT));
      Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code PATH for ADDRESS}: a key at PATH (under the test's directory) delegated for ADDRESS. */
  private static void serviceAccount(GoogleStandIn google, Path work, String spec) {
    String path = spec.substring(0, spec.indexOf(" for "));
    try {
      ServiceAccountKeys.create(google, work.resolve(path.substring(1)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    google.allowDelegation(ServiceAccountKeys.CLIENT_ID, READONLY);
  }

  /** The key a README command names at an absolute path is the one in the test's directory. */
  private static String inWorkDirectory(ReadmeExample example, String command, Path work) {
    return example
        .argument("service account key")
        .map(spec -> spec.substring(0, spec.indexOf(" for ")))
        .map(path -> command.replace(path, work.resolve(path.substring(1)).toString()))
        .orElse(command);
  }

  /** Two threads arrive, as in the README's example of {@code threads --new}. */
  private static void newMail(GoogleStandIn google) {
    Instant now = Instant.now();
    google
        .mailbox()
        .deliver(
            "readme-new-1",
            Msg.arriving("Quarterly report", "Carol <carol@example.com>", now.minusSeconds(60)));
    google
        .mailbox()
        .deliver(
            "readme-new-2", Msg.arriving("Lunch on Friday?", "Bob Example <bob@example.com>", now));
  }
}
