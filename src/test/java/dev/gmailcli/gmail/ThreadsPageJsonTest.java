package dev.gmailcli.gmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** Reading users.threads.list answers with the streaming reader. */
class ThreadsPageJsonTest {
  private static ThreadsPage read(String json) throws IOException {
    return ThreadsPageJson.read(new StringReader(json));
  }

  @Test
  void aPage_givesItsThreadsInOrder_theNextPageToken_andTheEstimate() throws IOException {
    ThreadsPage page =
        read(
            """
            {"threads": [
               {"id": "t1", "snippet": "It&#39;s &lt;b&gt; こんにちは", "historyId": "18446744073709551615"},
               {"id": "t2", "snippet": "", "historyId": "7"}],
             "nextPageToken": "c3RhbmRpbg",
             "resultSizeEstimate": 201}
            """);

    assertThat(page.threads())
        .containsExactly(
            new ThreadSummary("t1", "It&#39;s &lt;b&gt; こんにちは", "18446744073709551615", null),
            new ThreadSummary("t2", "", "7", null));
    assertThat(page.nextPageToken()).isEqualTo("c3RhbmRpbg");
    assertThat(page.resultSizeEstimate()).isEqualTo(201L);
  }

  @Test
  void anEmptyMailbox_hasNoThreads_noToken_andItsEstimate() throws IOException {
    ThreadsPage page = read("{\"resultSizeEstimate\": 0}");

    assertThat(page.threads()).isEmpty();
    assertThat(page.nextPageToken()).isNull();
    assertThat(page.resultSizeEstimate()).isZero();
  }

  @Test
  void nullsAndMissingFields_areNull() throws IOException {
    ThreadsPage page =
        read("{\"threads\": [{\"id\": \"t1\", \"snippet\": null}], \"nextPageToken\": null}");

    assertThat(page.threads()).containsExactly(new ThreadSummary("t1", null, null, null));
    assertThat(page.nextPageToken()).isNull();
    assertThat(page.resultSizeEstimate()).isNull();
    assertThat(read("{\"threads\": null}").threads()).isEmpty();
  }

  @Test
  void fieldsGmailcliDoesNotUse_areSkipped_whateverTheirShape() throws IOException {
    ThreadsPage page =
        read(
            """
            {"kind": "x", "threads": [{"messages": [{"id": "m", "payload": {"headers": []}}],
              "id": "t1", "extra": [1, {"a": null}], "historyId": 5}], "more": {"nested": [true]}}
            """);

    // a 64-bit number sent as a JSON number reads as its digits, as Gmail's strings do
    assertThat(page.threads()).containsExactly(new ThreadSummary("t1", null, "5", null));
  }

  @Test
  void anAnswerOfAnotherShape_isAnIllegalStateNamingWhere() {
    assertThatThrownBy(() -> read("{\"threads\": 42}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Gmail's users.threads.list answer does not have the documented shape (at"
                + " $.threads)");
    assertThatThrownBy(() -> read("{\"resultSizeEstimate\": \"many\"}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("$.resultSizeEstimate");
    assertThatThrownBy(() -> read("<html>Bad gateway</html>"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("documented shape");
  }

  @Test
  void anAnswerCutShort_isAnIoFailure_likeAConnectionThatDropped() {
    assertThatThrownBy(() -> read("{\"threads\": [{\"id\": \"t1\""))
        .isInstanceOf(EOFException.class);
  }
}
