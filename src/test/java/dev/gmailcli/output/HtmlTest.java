package dev.gmailcli.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          it&#39;s           | it's
          Tom &amp; Jerry    | Tom & Jerry
          a &lt; b &gt; c    | a < b > c
          it&#x27;s          | it's
          it&#X27;s          | it's
          &quot;quoted&quot; | "quoted"
          wait&hellip;       | wait…
          &#128512;          | 😀
          """)
  void knownEntities_areDecoded(String html, String text) {
    assertThat(Html.decode(html)).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0} stays")
  @ValueSource(strings = {"&foo;", "&#0;", "&#x0;", "&#x110000;", "AT&T", "a & b", "&amp", "&;"})
  void unknownOrInvalidEntities_areKept(String html) {
    assertThat(Html.decode(html)).isEqualTo(html);
  }

  @Test
  void decoding_isASinglePass() {
    assertThat(Html.decode("&amp;lt;b&amp;gt;")).isEqualTo("&lt;b&gt;");
  }

  @Test
  void replacementCharactersThatLookLikeRegexGroups_areLiteral() {
    assertThat(Html.decode("cost &#36;1 &amp; &#92;n")).isEqualTo("cost $1 & \\n");
  }

  @Test
  void nullAndPlainText() {
    assertThat(Html.decode(null)).isEmpty();
    assertThat(Html.decode("plain")).isEqualTo("plain");
  }

  @Test
  void surrogateCodePoints_areLeftAsTheyAre() {
    assertThat(Html.decode("a&#xD800;b&#55296;c")).isEqualTo("a&#xD800;b&#55296;c");
  }
}
