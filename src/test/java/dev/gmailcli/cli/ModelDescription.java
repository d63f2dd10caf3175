package dev.gmailcli.cli;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import picocli.CommandLine;

/**
 * Every attribute of a picocli model, keyed by its path ({@code .subcommands[threads].args[2]
 * .paramLabel}): what the public getters of picocli's model classes say, down through options,
 * parameters, mixins and subcommands. Which command objects a model holds is left out.
 */
final class ModelDescription {
  // links back up the tree, and what holds the command objects rather than describes them
  private static final Set<String> NOT_DESCRIBED =
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

  private ModelDescription() {}

  /** The description of {@code model}. */
  static Map<String, String> of(Object model) {
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
          || NOT_DESCRIBED.contains(getter.getName())
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
