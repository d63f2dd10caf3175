package dev.gmailcli.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailcli.harness.OfflineEnv;
import dev.gmailcli.platform.Env;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The generated {@code *CommandSpec} classes are what {@link CommandSpecSource} writes from the
 * commands' annotations now (rewrite them with {@code -Dgolden.update=true}), and the model they
 * build equals the one picocli builds by reflection, attribute by attribute.
 */
class GeneratedCommandSpecsTest {
  private static final Path SOURCES = Path.of("src", "main", "java", "dev", "gmailcli", "cli");

  // links back up the tree, and what holds the command objects rather than describes them
  private static final Set<String> NOT_COMPARED =
      Set.of(
          "commandLine",
          "parent",
          "root",
          "userObject",
          "getter",
          "setter",
          "scope",
          "command",
          "group",
          "annotatedElement",
          "messages",
          "resourceBundle",
          "resourceBundleBaseName",
          "unmatchedArgsBindings",
          "interpolator",
          "originalDefaultValue",
          "originalDescription",
          "parentCommandElements",
          "specElements",
          "factory",
          "typeInfo",
          "toString",
          "toBuilder",
          "build",
          "hashCode",
          "getClass");

  @TempDir Path home;

  static Stream<Class<?>> commands() {
    return Stream.concat(
        Stream.of(GmailCliCommand.class), Subcommands.ALL.stream().map(Subcommands.Entry::type));
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
      reflective.addSubcommand(entry.name(), reflective(entry.type()));
    }
    Cli.configured(reflective, env);
    Map<String, String> expected = describe(reflective.getCommandSpec());
    Map<String, String> actual = describe(generated.getCommandSpec());
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
  void everyEntry_makesItsOwnCommand() {
    Env env = env();
    GmailCliCommand root = new GmailCliCommand(env);
    for (Subcommands.Entry entry : Subcommands.ALL) {
      CommandSpec spec = entry.spec().create(root, new CommandFactory(env));
      assertThat(spec.userObject()).isInstanceOf(entry.type());
      assertThat(spec.name()).isEqualTo(entry.name());
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
    return OfflineEnv.of(
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), home);
  }

  // every attribute of picocli's model reachable from `spec`, keyed by its path
  private static Map<String, String> describe(Object model) {
    Map<String, String> out = new TreeMap<>();
    describe(model, "", out, 0);
    return out;
  }

  private static void describe(Object value, String path, Map<String, String> out, int depth) {
    if (depth > 12) {
      throw new IllegalStateException("too deep at " + path);
    }
    if (value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean
        || value instanceof Character
        || value instanceof Enum<?>) {
      out.put(path, String.valueOf(value));
    } else if (value instanceof CommandLine sub) {
      describe(sub.getCommandSpec(), path, out, depth + 1);
    } else if (value instanceof Class<?> cls) {
      out.put(path, cls.getName());
    } else if (value instanceof Object[] array) {
      describeAll(Arrays.asList(array), path, out, depth);
    } else if (value instanceof Map<?, ?> map) {
      out.put(path + ".size", String.valueOf(map.size()));
      map.forEach((k, v) -> describe(v, path + "[" + k + "]", out, depth + 1));
    } else if (value instanceof Collection<?> items) {
      describeAll(items, path, out, depth);
    } else if (value.getClass().getName().startsWith("picocli.CommandLine$Model$")
        || value instanceof CommandLine.Range) {
      describeGetters(value, path, out, depth);
    } else if (value instanceof Iterable<?> candidates) {
      List<Object> items = new ArrayList<>();
      candidates.forEach(items::add);
      describeAll(items, path, out, depth);
    } else {
      // converters, version providers: which class does the work
      out.put(path, value.getClass().getName());
    }
  }

  private static void describeAll(
      Collection<?> items, String path, Map<String, String> out, int depth) {
    out.put(path + ".size", String.valueOf(items.size()));
    int i = 0;
    for (Object item : items) {
      describe(item, path + "[" + i++ + "]", out, depth + 1);
    }
  }

  private static void describeGetters(
      Object model, String path, Map<String, String> out, int depth) {
    for (Method getter : model.getClass().getMethods()) {
      if (getter.getParameterCount() != 0
          || getter.getReturnType() == void.class
          || Modifier.isStatic(getter.getModifiers())
          || NOT_COMPARED.contains(getter.getName())
          // fluent methods without arguments change the model (addMethodSubcommands())
          || getter.getReturnType().isInstance(model)
          || !getter.getDeclaringClass().getName().startsWith("picocli.")) {
        continue;
      }
      Object value;
      try {
        value = getter.invoke(model);
      } catch (ReflectiveOperationException e) {
        value = "threw " + e.getCause();
      }
      describe(value, path + "." + getter.getName(), out, depth + 1);
    }
  }
}
