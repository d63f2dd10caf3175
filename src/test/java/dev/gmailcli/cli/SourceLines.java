package dev.gmailcli.cli;

/** The lines of a method body that {@link CommandSpecSource} writes, indented as in the file. */
final class SourceLines {
  private final StringBuilder text = new StringBuilder();

  /** A statement, or the start of one. */
  void line(String format, Object... args) {
    text.append("    ").append(String.format(format, args)).append('\n');
  }

  /** A call in a builder chain. */
  void chain(String format, Object... args) {
    text.append("            ").append(String.format(format, args)).append('\n');
  }

  /** {@code .name(} and one string a line, each continuing the chain by {@code prefix}. */
  void strings(String prefix, String name, String[] values, String end) {
    line("%s.%s(", prefix, name);
    for (int i = 0; i < values.length; i++) {
      line("%s    %s%s", prefix, JavaNames.literal(values[i]), i < values.length - 1 ? "," : end);
    }
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
