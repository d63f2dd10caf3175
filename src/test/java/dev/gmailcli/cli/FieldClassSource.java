package dev.gmailcli.cli;

import java.util.Map;

/**
 * The nested {@code Field} class of a generated {@code XxxCommandSpec}: the command's fields, read
 * and written by name. One class for all of them, where a lambda for each would be an {@code
 * invokedynamic} call site that the JVM links on first use.
 */
final class FieldClassSource {
  private FieldClassSource() {}

  /** For {@code command}'s {@code fields} (name to the type a value is cast to), in order. */
  static String render(String command, Map<String, String> fields) {
    StringBuilder out = new StringBuilder();
    out.append("\n  /** The fields of a {@link ").append(command);
    out.append("} as picocli reads and writes them. */\n");
    out.append("  private static final class Field extends Bindings.Field {\n");
    out.append("    private final ").append(command).append(" command;\n\n");
    out.append("    Field(").append(command).append(" command, String name) {\n");
    out.append("      super(name);\n");
    out.append("      this.command = command;\n");
    out.append("    }\n\n");
    out.append("    @Override\n");
    out.append("    Object value() {\n");
    out.append("      return switch (name) {\n");
    fields.forEach(
        (field, cast) -> out.append(caseOf(field)).append("command.").append(field).append(";\n"));
    out.append("        default -> throw unknown();\n");
    out.append("      };\n");
    out.append("    }\n\n");
    out.append("    @Override\n");
    if (fields.values().stream().anyMatch(cast -> cast.contains("<"))) {
      out.append("    @SuppressWarnings(\"unchecked\") // picocli hands over List, not")
          .append(" List<String>\n");
    }
    out.append("    void value(Object value) {\n");
    out.append("      switch (name) {\n");
    fields.forEach(
        (field, cast) ->
            out.append(caseOf(field))
                .append("command.")
                .append(field)
                .append(" = (")
                .append(cast)
                .append(") value;\n"));
    out.append("        default -> throw unknown();\n");
    out.append("      }\n");
    out.append("    }\n");
    out.append("  }\n");
    return out.toString();
  }

  private static String caseOf(String field) {
    return "        case " + JavaNames.literal(field) + " -> ";
  }
}
