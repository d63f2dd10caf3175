package dev.gmailcli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTest {

  @Test
  void ascii_isOneColumnPerCharacter() {
    assertThat(Text.width("Subject")).isEqualTo(7);
    assertThat(Text.width("")).isZero();
  }

  @Test
  void japanese_isTwoColumnsPerCharacter() {
    assertThat(Text.width("件名")).isEqualTo(4);
    assertThat(Text.width("Re: 件名です")).isEqualTo(4 + 8);
  }

  @Test
  void hangulFullwidthAndEmoji_areWide() {
    assertThat(Text.width("한글")).isEqualTo(4);
    assertThat(Text.width("ＡＢ")).isEqualTo(4);
    assertThat(Text.width("😀")).as("one code point, two chars").isEqualTo(2);
  }

  @Test
  void emojiOutsideTheKnownBlocks_areWideToo() {
    assertThat(Text.width("🚀")).isEqualTo(2);
    assertThat(Text.width("☕")).isEqualTo(2);
    assertThat(Text.width("🫠")).isEqualTo(2);
  }

  @Test
  void combiningMarksAndZeroWidthCharacters_takeNoColumns() {
    assertThat(Text.width("e\u0301")).isEqualTo(1);
    assertThat(Text.width("a\u200Bb")).isEqualTo(2);
    assertThat(Text.width("\u20DD")).isZero();
  }

  @Test
  void shortText_isNotTruncated() {
    assertThat(Text.truncate("hello", 5)).isEqualTo("hello");
    assertThat(Text.truncate("件名", 4)).isEqualTo("件名");
  }

  @Test
  void longText_endsInEllipsisWithinTheWidth() {
    assertThat(Text.truncate("hello world", 6)).isEqualTo("hello…");
    assertThat(Text.truncate("hello", 1)).isEqualTo("…");
    assertThat(Text.truncate("hello", 0)).isEmpty();
    assertThat(Text.truncate("hello", -3)).isEmpty();
  }

  @Test
  void wideCharacters_areNeverSplitAcrossTheLimit() {
    assertThat(Text.truncate("件名です", 5)).isEqualTo("件名…");
    assertThat(Text.truncate("件名です", 4)).as("a wide char does not fit in 1 column").isEqualTo("件…");
    assertThat(Text.truncate("a😀b", 3)).isEqualTo("a…");
  }

  @Test
  void truncate_neverExceedsTheWidth() {
    for (String text : List.of("hello world", "件名です件名です", "aé件😀bc한글ＡＢ", "e\u0301e\u0301e\u0301")) {
      for (int columns = 0; columns <= Text.width(text) + 1; columns++) {
        String cut = Text.truncate(text, columns);
        assertThat(Text.width(cut))
            .as("%s in %d columns", text, columns)
            .isLessThanOrEqualTo(columns);
        if (Text.width(text) > columns && columns > 0) {
          assertThat(cut).endsWith("…");
          assertThat(Text.width(cut)).isGreaterThanOrEqualTo(columns - 1);
        }
      }
    }
  }

  @Test
  void pad_fillsToTheDisplayWidth() {
    assertThat(Text.pad("ab", 4)).isEqualTo("ab  ");
    assertThat(Text.pad("件", 4)).isEqualTo("件  ");
    assertThat(Text.pad("toolong", 3)).isEqualTo("toolong");
  }

  @Test
  void oneLine_replacesControlCharactersAndCollapsesSpaces() {
    assertThat(Text.oneLine(" Re:\r\n\tHello\u001b[2J  world\u0007 "))
        .isEqualTo("Re: Hello [2J world");
    assertThat(Text.oneLine("a\u0085b\u009bc\u007fd")).isEqualTo("a b c d");
  }

  @Test
  void oneLine_keepsOrdinaryText_andNullIsEmpty() {
    assertThat(Text.oneLine("件名 é 😀")).isEqualTo("件名 é 😀");
    assertThat(Text.oneLine(null)).isEmpty();
  }

  @Test
  void oneLine_dropsBidiOverrides_andBreaksLineSeparators() {
    assertThat(Text.oneLine("invoice\u202Efdp.exe\u2028next\u2029end"))
        .isEqualTo("invoicefdp.exe next end");
  }
}
