package dev.gmailcli.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a README that tests hold it to: its headings, its fenced code blocks (with the
 * {@code <!-- doctest … -->} comment on the line before each, if any) and its in-page links.
 */
public final class MarkdownDoc {
  /** A heading outside code blocks. */
  public record Heading(int level, String text, int line) {
    /** The anchor GitHub gives it: lower case, punctuation dropped, spaces as hyphens. */
    public String anchor() {
      String plain = text.replaceAll("`", "").replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1");
      return Normalizer.normalize(plain, Normalizer.Form.NFC)
          .toLowerCase(Locale.ROOT)
          .replaceAll("[^\\p{L}\\p{M}\\p{N} _-]", "")
          .replace(' ', '-');
    }
  }

  /**
   * A fenced code block.
   *
   * @param language its info string's first word ("" when none)
   * @param lines its lines, without the fence's indentation
   * @param marker what the {@code <!-- doctest… -->} comment right before it says: null without
   *     one, "" for a bare {@code <!-- doctest -->}
   * @param line the line number of its opening fence
   */
  public record Block(String language, List<String> lines, String marker, int line) {}

  private static final Pattern FENCE = Pattern.compile("^(\\s*)```\\s*(\\S*).*$");
  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*$");
  private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*doctest(?::(.*?))?\\s*-->$");
  private static final Pattern LINK = Pattern.compile("]\\(#([^)\\s]+)\\)");

  private final List<Heading> headings = new ArrayList<>();
  private final List<Block> blocks = new ArrayList<>();
  private final List<String> links = new ArrayList<>();

  private MarkdownDoc(List<String> text) {
    String marker = null;
    for (int i = 0; i < text.size(); i++) {
      String line = text.get(i);
      Matcher fence = FENCE.matcher(line);
      if (fence.matches()) {
        i = readBlock(text, i, fence.group(1).length(), fence.group(2), marker);
        marker = null;
        continue;
      }
      Matcher doctest = MARKER.matcher(line);
      if (doctest.matches()) {
        marker = doctest.group(1) == null ? "" : doctest.group(1).strip();
        continue;
      }
      if (!line.isBlank()) {
        marker = null;
      }
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        headings.add(new Heading(heading.group(1).length(), heading.group(2), i + 1));
      }
      Matcher link = LINK.matcher(line);
      while (link.find()) {
        links.add(link.group(1));
      }
    }
  }

  private int readBlock(List<String> text, int open, int indent, String language, String marker) {
    List<String> lines = new ArrayList<>();
    int i = open + 1;
    while (i < text.size() && !text.get(i).strip().equals("```")) {
      String line = text.get(i);
      int cut = Math.min(indent, line.length() - line.stripLeading().length());
      lines.add(line.substring(cut));
      i++;
    }
    blocks.add(new Block(language, List.copyOf(lines), marker, open + 1));
    return i;
  }

  /** Reads a Markdown file. */
  public static MarkdownDoc read(Path file) throws IOException {
    return new MarkdownDoc(Files.readAllLines(file));
  }

  /** Its headings, in order. */
  public List<Heading> headings() {
    return headings;
  }

  /** Its fenced code blocks, in order. */
  public List<Block> blocks() {
    return blocks;
  }

  /** The anchors its in-page links ({@code [text](#anchor)}) point to, in order. */
  public List<String> links() {
    return links;
  }
}
