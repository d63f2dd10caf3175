package dev.gmailcli.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * How {@link CommandSpecSource} names types and writes values in Java: simple names, with the
 * imports they need collected as they are named.
 */
final class JavaNames {
  private final String ownPackage;
  private final TreeSet<String> imports = new TreeSet<>();

  JavaNames(String ownPackage) {
    this.ownPackage = ownPackage;
  }

  /** The imports of what was named so far, sorted. */
  TreeSet<String> imports() {
    return imports;
  }

  void importType(String qualified) {
    imports.add(qualified);
  }

  /** The name of {@code cls} in source: {@code int}, {@code Path}, {@code Converters.Port}. */
  String of(Class<?> cls) {
    if (cls.isPrimitive()) {
      return cls.getName();
    }
    if (cls.isArray()) {
      throw new IllegalStateException("array type " + cls.getName() + " is not supported");
    }
    return imported(cls.getName());
  }

  /** {@code A.class, B.class}. */
  String classLiterals(Class<?>[] classes) {
    List<String> literals = new ArrayList<>();
    for (Class<?> cls : classes) {
      literals.add(of(cls) + ".class");
    }
    return String.join(", ", literals);
  }

  /** A cast target: a generic type as declared ({@code List<String>}), a primitive boxed. */
  String castTarget(String typeName, Class<?> raw) {
    if (raw.isPrimitive()) {
      return of(boxed(raw));
    }
    String result = typeName.replace('$', '.');
    for (String part : typeName.split("[<>, ]+")) {
      if (part.contains(".")) {
        result = result.replace(part.replace('$', '.'), imported(part));
      }
    }
    return result;
  }

  private String imported(String qualified) {
    String outer =
        qualified.contains("$") ? qualified.substring(0, qualified.indexOf('$')) : qualified;
    String simple = qualified.substring(outer.lastIndexOf('.') + 1).replace('$', '.');
    String pkg = outer.substring(0, outer.lastIndexOf('.'));
    if (!pkg.equals("java.lang") && !pkg.equals(ownPackage)) {
      imports.add(outer);
    }
    return simple;
  }

  private static Class<?> boxed(Class<?> primitive) {
    return switch (primitive.getName()) {
      case "boolean" -> Boolean.class;
      case "int" -> Integer.class;
      case "long" -> Long.class;
      default -> throw new IllegalStateException("primitive type " + primitive + " not supported");
    };
  }

  /** {@code "a", "b"}. */
  static String literals(String[] values) {
    return String.join(", ", Arrays.stream(values).map(JavaNames::literal).toList());
  }

  /** A string as a Java literal (ASCII only); anything else as its text. */
  static String literal(Object value) {
    if (!(value instanceof String text)) {
      return String.valueOf(value);
    }
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
