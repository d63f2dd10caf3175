package dev.gmailcli.output;

/** Reads the display name out of a From header. */
final class Addresses {
  private Addresses() {}

  /** {@code "Jane Doe" <jane@example.com>} → {@code Jane Doe}; a bare address stays the address. */
  static String displayName(String from) {
    if (from == null) {
      return "";
    }
    String value = from.trim();
    int angle = value.lastIndexOf('<');
    if (angle > 0) {
      String name = value.substring(0, angle).trim();
      if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
        name = name.substring(1, name.length() - 1).replace("\\\"", "\"").trim();
      }
      if (!name.isEmpty()) {
        return name;
      }
    }
    if (angle >= 0 && value.endsWith(">")) {
      return value.substring(angle + 1, value.length() - 1);
    }
    return value;
  }
}
