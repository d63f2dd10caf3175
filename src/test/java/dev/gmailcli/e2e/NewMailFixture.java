package dev.gmailcli.e2e;

import dev.gmailcli.harness.CliHarness;
import dev.gmailcli.harness.CliRun;
import dev.gmailcli.harness.TestClock;
import dev.gmailcli.harness.TokenFixtures;
import dev.gmailcli.standin.GoogleStandIn;
import dev.gmailcli.standin.StandInMailbox.Msg;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

/**
 * Base of the {@code threads --new} tests: a mailbox of 12 generated threads, a saved login that
 * records its account (as {@code gmailcli login} saves it), mail delivered minutes after {@link
 * TestClock#NOW}, and runs at a given number of minutes after it.
 */
abstract class NewMailFixture {
  static final String ACCOUNT = "tester@example.com";
  static final String ALICE = "Alice Example <alice@example.com>";

  GoogleStandIn google;
  CliHarness cli;

  void savedLogin() throws IOException {
    google.mailbox().generate(12);
    cli.token(TokenFixtures.withAccount(TokenFixtures.valid(google, TestClock.NOW), ACCOUNT));
  }

  /** Runs gmailcli {@code minutes} after {@link TestClock#NOW}. */
  CliRun at(int minutes, String... args) {
    Instant when = TestClock.NOW.plus(Duration.ofMinutes(minutes));
    return cli.clock(Clock.fixed(when, ZoneOffset.UTC)).run(args);
  }

  /** {@code threads --new ARGS…} at that minute. */
  CliRun news(int minutes, String... args) {
    return at(
        minutes,
        Stream.concat(Stream.of("threads", "--new"), Stream.of(args)).toArray(String[]::new));
  }

  /** A message from Alice arrives in thread {@code threadId} at that minute (INBOX, UNREAD). */
  String deliver(String threadId, String subject, int minute, String... labels) {
    return deliverFrom(threadId, subject, ALICE, minute, labels);
  }

  String deliverFrom(String threadId, String subject, String from, int minute, String... labels) {
    Instant when = TestClock.NOW.plus(Duration.ofMinutes(minute));
    return google.mailbox().deliver(threadId, Msg.arriving(subject, from, when, labels));
  }

  /** The thread ids of tsv or ndjson output, in order. */
  static List<String> ids(CliRun run) {
    return run.out()
        .lines()
        .map(
            line ->
                line.startsWith("{") ? line.replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1") : line)
        .map(line -> line.split("\t", -1)[0])
        .toList();
  }

  /** The cursor files, by name. */
  List<Path> cursorFiles() {
    try (Stream<Path> files = Files.list(cli.cursorsDir())) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
