package dev.gmailcli.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmailcli.ExitCode;
import dev.gmailcli.GmailCliException;
import dev.gmailcli.harness.RecordingSleeper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorStoreTest {
  static final Instant RUN = Instant.parse("2024-03-15T12:00:00Z");

  @TempDir Path tmp;

  CursorStore store() {
    return new CursorStore(tmp.resolve("state/cursors"), new RecordingSleeper(), line -> {});
  }

  static CursorKey filter(String account, String query, String... labels) {
    return new CursorKey(null, account, query, List.of(labels), false);
  }

  @Test
  void aCursor_isWrittenPrivately_andReadBack() throws Exception {
    CursorKey key = new CursorKey("invoices", "a@example.com", "invoice", List.of("INBOX"), true);
    Cursor cursor = new Cursor(key, "12345", RUN);

    try (CursorStore.Hold hold = store().hold(key)) {
      assertThat(hold.read()).isEmpty();
      hold.write(cursor);
      assertThat(hold.read()).contains(cursor);
    }

    Path file = tmp.resolve("state/cursors/named-invoices.json");
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(file.getParent()))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(Files.readString(file))
        .isEqualTo(
            """
            {
              "cursor": "invoices",
              "account": "a@example.com",
              "query": "invoice",
              "labels": [
                "INBOX"
              ],
              "includeSpamTrash": true,
              "historyId": "12345",
              "lastRun": "2024-03-15T12:00:00Z"
            }
            """);
  }

  @Test
  void theStateDirectory_isTightened_whenLooser() throws Exception {
    Path state = Files.createDirectories(tmp.resolve("state"));
    Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxr-xr-x"));

    store().hold(filter("a@example.com", "")).close();

    assertThat(Files.getPosixFilePermissions(state))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
  }

  @Test
  void eachFilter_hasItsOwnFile_whateverTheSpellingOfTheSameFilter() {
    CursorKey plain = filter("a@example.com", "invoice", "INBOX", "Label_1");

    assertThat(filter("a@example.com", "  invoice ", "Label_1", "INBOX", "INBOX").fileName())
        .isEqualTo(plain.fileName())
        .matches("filter-[0-9a-f]{16}\\.json");
    assertThat(filter("b@example.com", "invoice", "INBOX", "Label_1").fileName())
        .isNotEqualTo(plain.fileName());
    assertThat(filter("a@example.com", "invoices", "INBOX", "Label_1").fileName())
        .isNotEqualTo(plain.fileName());
    assertThat(filter("a@example.com", "invoice", "INBOX").fileName())
        .isNotEqualTo(plain.fileName());
    assertThat(
            new CursorKey(null, "a@example.com", "invoice", List.of("INBOX", "Label_1"), true)
                .fileName())
        .isNotEqualTo(plain.fileName());
  }

  @Test
  void filterText_isTheCommandLineThatFollowsIt() {
    assertThat(filter("a", "").filterText()).isEqualTo("(no filter)");
    assertThat(
            new CursorKey(null, "a", "from:bob it's", List.of("My Label", "INBOX"), true)
                .filterText())
        .isEqualTo(
            "--query 'from:bob it'\\''s' --label INBOX --label 'My Label' --include-spam-trash");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", "..", "a/b", "x y", "ä", "-"})
  void onlySafeFileNames_areCursorNames(String name) {
    assertThat(CursorKey.validName(name)).isEqualTo(name.equals("-"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"historyId\": ",
        "[]",
        "{\"lastRun\": \"2024-03-15T12:00:00Z\"}",
        "{\"historyId\": \"abc\", \"lastRun\": \"2024-03-15T12:00:00Z\"}",
        "{\"historyId\": \"12\", \"lastRun\": \"yesterday\"}",
        "{\"historyId\": 12, \"lastRun\": \"2024-03-15T12:00:00Z\"}"
      })
  void aBrokenCursorFile_isAConfigurationError_namingTheFile(String text) throws Exception {
    CursorKey key = filter("a@example.com", "");
    Path file = Files.createDirectories(tmp.resolve("state/cursors")).resolve(key.fileName());
    Files.writeString(file, text);

    try (CursorStore.Hold hold = store().hold(key)) {
      assertThatThrownBy(hold::read)
          .isInstanceOfSatisfying(
              GmailCliException.class,
              e -> {
                assertThat(e.exitCode()).isEqualTo(ExitCode.CONFIG);
                assertThat(e.getMessage()).startsWith("cannot use the cursor " + file + ": it");
                assertThat(e.hint()).contains("delete " + file);
              });
    }
    assertThat(Files.readString(file)).isEqualTo(text);
  }

  @Test
  void list_showsEveryCursor_andWhatIsWrongWithBrokenOnes() throws Exception {
    CursorStore store = store();
    CursorKey first = filter("a@example.com", "invoice");
    try (CursorStore.Hold hold = store.hold(first)) {
      hold.write(new Cursor(first, "7", RUN));
    }
    Files.writeString(store.directory().resolve("named-broken.json"), "{");

    List<CursorListing> listings = store.list();

    assertThat(listings).hasSize(2);
    assertThat(listings.get(0).file().getFileName().toString()).isEqualTo(first.fileName());
    assertThat(listings.get(0).cursor().historyId()).isEqualTo("7");
    assertThat(listings.get(1).cursor()).isNull();
    assertThat(listings.get(1).problem()).isEqualTo("it is not valid JSON");
  }

  @Test
  void list_ofNoDirectory_isEmpty() {
    assertThat(store().list()).isEmpty();
  }

  @Test
  void aFileInTheWayOfTheDirectory_isAConfigurationError() throws Exception {
    Files.writeString(tmp.resolve("state"), "not a directory");

    assertThatThrownBy(() -> store().hold(filter("a", "")))
        .isInstanceOfSatisfying(
            GmailCliException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(ExitCode.CONFIG);
              assertThat(e.getMessage())
                  .startsWith("cannot keep the cursors of `threads --new` in " + tmp);
            });
  }
}
