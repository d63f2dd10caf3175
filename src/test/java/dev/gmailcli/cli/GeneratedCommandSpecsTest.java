package dev.gmailcli.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailcli.harness.OfflineEnv;
import dev.gmailcli.platform.Env;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The generated {@code *CommandSpec} classes are what {@link CommandSpecSource} writes from the
 * commands' annotations now (rewrite them with {@code -Dgolden.update=true}), and the model they
 * build equals the one picocli builds by reflection, attribute by attribute.
 */
class GeneratedCommandSpecsTest {
  private static final Path SOURCES = Path.of("src", "main", "java", "dev", "gmailcli", "cli");

  @TempDir Path home;

  static Stream<Class<?>> commands() {
    return Stream.concat(
        Stream.of(GmailCliCommand.class),
        Subcommands.ALL.stream().map(GeneratedCommandSpecsTest::commandClass));
  }

  // the class of the command an entry makes (making one needs no files: any HOME does)
  private static Class<?> commandClass(Subcommands.Entry entry) {
    Env env = quietEnv(Path.of(System.getProperty("java.io.tmpdir")));
    return entry
        .spec()
        .create(new GmailCliCommand(env), new CommandFactory(env))
        .userObject()
        .getClass();
  }

  @ParameterizedTest
  @MethodSource("commands")
  void generatedSource_isWhatTheAnnotationsSayNow(Class<?> type) throws IOException {
    String source = CommandSpecSource.render(type, reflective(type).getCommandSpec());
    Path file = SOURCES.resolve(CommandSpecSource.fileName(type));
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(file, source, StandardCharsets.UTF_8);
      return;
    }
    assertThat(file).as("%s (write it with -Dgolden.update=true)", file).exists();
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .as("%s is out of date: run the tests with -Dgolden.update=true", file)
        .isEqualTo(source);
  }

  @Test
  void generatedModel_isPicocliReflectiveModel_attributeByAttribute() {
    Env env = env();
    CommandLine generated = Cli.create(env);
    CommandLine reflective = reflective(GmailCliCommand.class);
    for (Subcommands.Entry entry : Subcommands.ALL) {
      reflective.addSubcommand(entry.name(), reflective(commandClass(entry)));
    }
    Cli.configured(reflective, env);
    Map<String, String> expected = ModelDescription.of(reflective.getCommandSpec());
    Map<String, String> actual = ModelDescription.of(generated.getCommandSpec());
    assertThat(expected).hasSizeGreaterThan(500);
    Set<String> paths = new TreeSet<>(expected.keySet());
    paths.addAll(actual.keySet());
    List<String> differences = new ArrayList<>();
    for (String path : paths) {
      if (!Objects.equals(expected.get(path), actual.get(path))) {
        differences.add(
            path + ": picocli " + expected.get(path) + ", generated " + actual.get(path));
      }
    }
    assertThat(differences).isEmpty();
  }

  @Test
  void everyEntry_isNamedAsTheCommandItMakes() {
    Env env = env();
    GmailCliCommand root = new GmailCliCommand(env);
    for (Subcommands.Entry entry : Subcommands.ALL) {
      CommandSpec spec = entry.spec().create(root, new CommandFactory(env));
      assertThat(spec.name()).isEqualTo(entry.name());
      assertThat(spec.userObject().getClass().getAnnotation(Command.class).name())
          .isEqualTo(entry.name());
    }
  }

  private CommandLine reflective(Class<?> type) {
    Env env = env();
    try {
      return new CommandLine(new CommandFactory(env).create(type), new CommandFactory(env));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Env env() {
    return quietEnv(home);
  }

  private static Env quietEnv(Path home) {
    return OfflineEnv.of(
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), home);
  }
}
