package dev.gmailcli.build;

import dev.gmailcli.cli.Cli;
import dev.gmailcli.platform.Env;
import dev.gmailcli.platform.Terminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Run by {@code mvn package} (not a test): writes the AsciiDoc of one man page per command with
 * picocli-codegen's {@link ManPageGenerator}, from the same command line that prints {@code --help}
 * (its options, exit codes and environment variables); asciidoctor's manpage backend then makes
 * roff of it. Build code only, so picocli-codegen never reaches the shipped jar. The pom compiles
 * this class even with {@code -Dmaven.test.skip}, which skips the other test code.
 *
 * <p>Only pages that changed are written, so that the pom can skip asciidoctor (a JRuby start of
 * many seconds) when none did; the pages of commands that are gone are removed from both
 * directories.
 *
 * <pre>java -cp test-classpath dev.gmailcli.build.ManPages target/man-adoc target/man/man1</pre>
 */
public final class ManPages {
  private ManPages() {}

  public static void main(String[] args) throws IOException {
    Path adoc = Path.of(args[0]);
    Path roff = Path.of(args[1]);
    Path fresh = Files.createTempDirectory("gmailcli-man");
    try {
      generate(fresh);
      sync(fresh, adoc, roff);
    } finally {
      for (Path file : list(fresh)) {
        Files.delete(file);
      }
      Files.delete(fresh);
    }
  }

  private static void generate(Path dir) throws IOException {
    CommandLine cli = Cli.create(quietEnv());
    // the sections of a man page: EXIT STATUS and ENVIRONMENT, as man-pages(7) names them
    manSections(cli.getCommandSpec().usageMessage()).footerHeading("Environment%n");
    cli.getSubcommands().values().forEach(sub -> manSections(sub.getCommandSpec().usageMessage()));
    int status =
        ManPageGenerator.generateManPage(
            dir.toFile(), null, new boolean[0], true, cli.getCommandSpec());
    if (status != 0) {
      throw new IllegalStateException("picocli's man page generator failed: " + status);
    }
  }

  private static UsageMessageSpec manSections(UsageMessageSpec usage) {
    return usage.exitCodeListHeading("Exit status%n");
  }

  private static void sync(Path fresh, Path adoc, Path roff) throws IOException {
    Files.createDirectories(adoc);
    Set<String> names = new HashSet<>();
    for (Path page : list(fresh)) {
      names.add(page.getFileName().toString());
      Path old = adoc.resolve(page.getFileName());
      if (!Files.exists(old) || Files.mismatch(page, old) != -1) {
        Files.copy(page, old, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    for (Path old : list(adoc)) {
      String name = old.getFileName().toString();
      if (!names.contains(name)) {
        Files.delete(old);
        Files.deleteIfExists(roff.resolve(name.replaceFirst("\\.adoc$", ".1")));
      }
    }
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }

  // nothing is run, only described: no streams, no network
  private static Env quietEnv() {
    Writer nowhere = new StringWriter();
    return new Env(
        new PrintWriter(nowhere),
        new PrintWriter(nowhere),
        InputStream.nullInputStream(),
        Map.of(),
        Clock.systemUTC(),
        () -> {
          throw new IllegalStateException("no network when writing man pages");
        },
        millis -> {},
        url -> {},
        Terminal.none(),
        Path.of("."));
  }
}
