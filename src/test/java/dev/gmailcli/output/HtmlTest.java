package dev.gmailcli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlTest {

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("entities")
  void knownEntities_areDecoded(String html, String text) {
    assertThat(Html.decode(html)).isEqualTo(text);
  }

  static Stream<Arguments> entities() {
    return Stream.of(
        arguments("it&#39;s", "it's"),
        arguments("Tom &amp; Jerry", "Tom & Jerry"),
        arguments("a &lt; b &gt; c", "a < b > c"),
        arguments("it&#x27;s", "it's"),
        arguments("it&#X27;s", "it's"),
        arguments("&quot;quoted&quot;", "\"quoted\""),
        arguments("wait&hellip;", "wait…"),
        arguments("&#128512;", "😀"));
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
