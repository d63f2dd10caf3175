package dev.gmailcli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailcli.gmail.ThreadDetails;
import dev.gmailcli.gmail.ThreadSummary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TsvRendererTest {

  @Test
  void escape_makesSeparatorsAndControlsVisible() {
    assertThat(TsvRenderer.escape("a\tb")).isEqualTo("a\\tb");
    assertThat(TsvRenderer.escape("a\nb")).isEqualTo("a\\nb");
    assertThat(TsvRenderer.escape("a\rb")).isEqualTo("a\\rb");
    assertThat(TsvRenderer.escape("a\\b")).isEqualTo("a\\\\b");
    assertThat(TsvRenderer.escape("a\u001b[31mb")).isEqualTo("a\\x1b[31mb");
    assertThat(TsvRenderer.escape("\u0000\u007f\u009b")).isEqualTo("\\x00\\x7f\\x9b");
  }

  @Test
  void escape_leavesOrdinaryTextAlone_andNullIsEmpty() {
    assertThat(TsvRenderer.escape("件名 é \"q\" 😀")).isEqualTo("件名 é \"q\" 😀");
    assertThat(TsvRenderer.escape(null)).isEmpty();
  }

  @Test
  void escapedBackslashBeforeN_isNotConfusedWithANewline() {
    assertThat(TsvRenderer.escape("C:\\new")).isEqualTo("C:\\\\new");
    assertThat(TsvRenderer.escape("C:\\new")).isNotEqualTo(TsvRenderer.escape("C:\nnew"));
  }

  @Test
  void line_hasFiveTabSeparatedFields_withDecodedEscapedSnippet() {
    StringWriter out = new StringWriter();
    ThreadDetails details =
        new ThreadDetails(
            "Hello\tthere",
            "\"Jane\" <jane@example.com>",
            Instant.parse("2025-10-20T09:18:16.789Z"),
            2,
            List.of("INBOX"));

    new TsvRenderer(new PrintWriter(out))
        .accept(new ThreadSummary("18c0ffee", "it&#39;s&#27;[2J\nfine", "1", details));
    new TsvRenderer(new PrintWriter(out)).accept(new ThreadSummary("18c0fff0", null, "1", null));

    String[] lines = out.toString().split("\n", -1);
    assertThat(lines).hasSize(3);
    assertThat(lines[0].split("\t", -1))
        .containsExactly(
            "18c0ffee",
            "2025-10-20T09:18:16Z",
            "\"Jane\" <jane@example.com>",
            "Hello\\tthere",
            "it's\\x1b[2J\\nfine");
    assertThat(lines[1].split("\t", -1)).containsExactly("18c0fff0", "", "", "", "");
    assertThat(lines[2]).isEmpty();
  }
}
