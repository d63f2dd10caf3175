package dev.gmailcli.output;

/**
 * Text for terminals: display width (East Asian wide characters take two columns, combining marks
 * none), cutting to a width, and removing control characters that could drive the terminal.
 */
public final class Text {
  private Text() {}

  /** Columns {@code text} occupies on a terminal. */
  public static int width(String text) {
    int width = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      width += width(cp);
      i += Character.charCount(cp);
    }
    return width;
  }

  static int width(int cp) {
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT || cp == 0x200B) {
      return 0;
    }
    return isWide(cp) ? 2 : 1;
  }

  private static boolean isWide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F)
        || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x1F300 && cp <= 0x1F64F)
        || (cp >= 0x1F900 && cp <= 0x1F9FF)
        || (cp >= 0x20000 && cp <= 0x3FFFD);
  }

  /** Cuts {@code text} to at most {@code columns} columns, ending in "…" when cut. */
  public static String truncate(String text, int columns) {
    if (width(text) <= columns) {
      return text;
    }
    if (columns <= 0) {
      return "";
    }
    StringBuilder result = new StringBuilder();
    int used = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int w = width(cp);
      if (used + w > columns - 1) {
        break;
      }
      result.appendCodePoint(cp);
      used += w;
      i += Character.charCount(cp);
    }
    return result.append('…').toString();
  }

  /** {@code text} followed by spaces up to {@code columns} columns. */
  public static String pad(String text, int columns) {
    int missing = columns - width(text);
    return missing <= 0 ? text : text + " ".repeat(missing);
  }

  /** Replaces control characters (newlines, tabs, ESC…) with spaces and trims. */
  public static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder result = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      result.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp);
      i += Character.charCount(cp);
    }
    return result.toString().trim().replaceAll(" {2,}", " ");
  }
}
