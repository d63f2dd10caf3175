package dev.gmailcli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailcli.docs.MarkdownDoc.Block;
import dev.gmailcli.docs.MarkdownDoc.Heading;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * README.md and README.ja.md cannot drift apart: the same sections at the same levels in the same
 * order, the same code blocks with the same commands (only comments at the end of a line may be
 * translated), and in-page links that lead somewhere in both.
 */
class ReadmeTranslationTest {
  static MarkdownDoc english;
  static MarkdownDoc japanese;

  @BeforeAll
  static void read() throws IOException {
    english = MarkdownDoc.read(Path.of("README.md"));
    japanese = MarkdownDoc.read(Path.of("README.ja.md"));
  }

  @Test
  void sameSections_atTheSameLevels_inTheSameOrder() {
    assertThat(levels(japanese)).as(sideBySide()).isEqualTo(levels(english));
    assertThat(english.headings()).hasSizeGreaterThan(20);
  }

  @Test
  void sameCodeBlocks_withTheSameCommands() {
    assertThat(commands(japanese)).isEqualTo(commands(english));
    assertThat(english.blocks()).hasSizeGreaterThan(20);
  }

  @Test
  void eachLinksToTheOther() throws IOException {
    assertThat(Files.readAllLines(Path.of("README.md")).subList(0, 4))
        .contains("[日本語](README.ja.md)");
    assertThat(Files.readAllLines(Path.of("README.ja.md")).subList(0, 4))
        .contains("[English](README.md)");
  }

  @Test
  void inPageLinks_leadToASection() {
    for (MarkdownDoc doc : List.of(english, japanese)) {
      Set<String> anchors =
          doc.headings().stream().map(Heading::anchor).collect(Collectors.toSet());
      assertThat(doc.links()).isNotEmpty().allSatisfy(link -> assertThat(anchors).contains(link));
    }
  }

  private static List<Integer> levels(MarkdownDoc doc) {
    return doc.headings().stream().map(Heading::level).toList();
  }

  private static String sideBySide() {
    StringBuilder both = new StringBuilder("the headings, English | Japanese:\n");
    for (int i = 0; i < Math.max(english.headings().size(), japanese.headings().size()); i++) {
      both.append(i < english.headings().size() ? show(english.headings().get(i)) : "-")
          .append(" | ")
          .append(i < japanese.headings().size() ? show(japanese.headings().get(i)) : "-")
          .append('\n');
    }
    return both.toString();
  }

  private static String show(Heading heading) {
    return "#".repeat(heading.level()) + " " + heading.text();
  }

  /** Each block's language and lines, without comments at the ends of lines. */
  private static List<String> commands(MarkdownDoc doc) {
    return doc.blocks().stream().map(ReadmeTranslationTest::withoutEndComments).toList();
  }

  private static String withoutEndComments(Block block) {
    return "```"
        + block.language()
        + "\n"
        + block.lines().stream()
            .map(line -> line.replaceAll("\\s{2,}#.*$", "").stripTrailing())
            .collect(Collectors.joining("\n"));
  }
}
