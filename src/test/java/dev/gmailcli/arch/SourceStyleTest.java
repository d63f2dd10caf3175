package dev.gmailcli.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the formatter does not enforce: types are imported, not written out in full in the code (a
 * name that clashes with an import may still be, so such lines say so with a comment).
 */
class SourceStyleTest {
  private static final Pattern QUALIFIED =
      Pattern.compile("(?<![\\w.\"])(java|javax|com)\\.([a-z]\\w*\\.)+[A-Z]\\w*");

  @Test
  void typesAreImported_notQualifiedInTheCode() throws IOException {
    assertThat(qualifiedNames(Path.of("src/main/java"))).isEmpty();
    assertThat(qualifiedNames(Path.of("src/test/java"))).isEmpty();
  }

  private static List<String> qualifiedNames(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .flatMap(SourceStyleTest::qualifiedNamesIn)
          .toList();
    }
  }

  private static Stream<String> qualifiedNamesIn(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      return Stream.iterate(0, i -> i < lines.size(), i -> i + 1)
          .filter(i -> isCode(lines.get(i)) && QUALIFIED.matcher(lines.get(i)).find())
          .filter(i -> i == 0 || !lines.get(i - 1).strip().startsWith("// clashes with"))
          .map(i -> file + ":" + (i + 1) + ": " + lines.get(i).strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isCode(String line) {
    String code = line.strip();
    return !(code.startsWith("import ")
        || code.startsWith("package ")
        || code.startsWith("*")
        || code.startsWith("/*")
        || code.startsWith("//"));
  }
}
