package dev.gmailcli.gmail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArrivalRulesTest {

  @ParameterizedTest(name = "{0} with labels [{1}], spam/trash {2}: {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "INBOX UNREAD       |                 | false | true",
        "SENT               |                 | false | false",
        "SENT INBOX         |                 | false | true",
        "Label_3            |                 | false | true",
        "SPAM               |                 | false | false",
        "SPAM               |                 | true  | true",
        "TRASH INBOX        |                 | false | false",
        "SENT Label_3       | Label_3         | false | true",
        "INBOX              | Label_3         | false | false",
        "INBOX Label_3      | INBOX Label_3   | false | true",
        "SPAM               | SPAM            | false | true",
        "TRASH Label_3      | Label_3         | false | false",
      })
  void countsWithoutQuery(String labels, String wanted, boolean spamTrash, boolean counts) {
    assertThat(ArrivalRules.countsWithoutQuery(words(labels), words(wanted), spamTrash))
        .isEqualTo(counts);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''                     | after:1710504000",
        "invoice                | (invoice) after:1710504000",
        "from:a OR from:b       | (from:a OR from:b) after:1710504000",
      })
  void since_groupsTheQuery_soThatItsOrCannotEscapeTheTimeLimit(String query, String q) {
    assertThat(ArrivalRules.since(query, Instant.parse("2024-03-15T12:00:00Z"))).isEqualTo(q);
  }

  private static List<String> words(String text) {
    return text == null || text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
  }
}
