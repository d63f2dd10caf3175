package dev.gmailcli.cli;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The statements that give a generated model the usage message of the reflective one: every
 * attribute whose value differs from a new {@link CommandSpec}'s.
 */
final class UsageMessageSource {
  private static final UsageMessageSpec DEFAULT_USAGE = CommandSpec.create().usageMessage();

  private UsageMessageSource() {}

  static void write(UsageMessageSpec usage, SourceLines out) {
    Method[] getters = UsageMessageSpec.class.getMethods();
    // in a fixed order: getMethods() has none
    Arrays.sort(getters, Comparator.comparing(Method::getName));
    for (Method getter : getters) {
      if (getter.getParameterCount() != 0
          || getter.getDeclaringClass() != UsageMessageSpec.class
          || Modifier.isStatic(getter.getModifiers())) {
        continue;
      }
      Object value = invoke(getter, usage);
      if (same(value, invoke(getter, DEFAULT_USAGE))) {
        continue;
      }
      if (value instanceof String[] lines) {
        out.line("spec.usageMessage()");
        out.strings("    ", getter.getName(), lines, ");");
      } else if (value instanceof String || value instanceof Boolean) {
        out.line("spec.usageMessage().%s(%s);", getter.getName(), JavaNames.literal(value));
      } else {
        throw new IllegalStateException(
            "usage message attribute " + getter.getName() + " is not supported");
      }
    }
  }

  private static boolean same(Object value, Object byDefault) {
    if (value instanceof Map<?, ?> map && byDefault instanceof Map<?, ?> other) {
      return map.keySet().equals(other.keySet())
          && map.keySet().stream().allMatch(k -> same(map.get(k), other.get(k)));
    }
    return Objects.deepEquals(value, byDefault) || sameKindOfHelper(value, byDefault);
  }

  // e.g. the help factory or a section renderer: picocli's own, a new one in each model
  private static boolean sameKindOfHelper(Object value, Object byDefault) {
    return value != null
        && byDefault != null
        && value.getClass() == byDefault.getClass()
        && value.getClass().getName().startsWith("picocli.")
        && (value.getClass().isAnonymousClass()
            || !value.getClass().getName().startsWith("picocli.CommandLine$Model"));
  }

  private static Object invoke(Method getter, Object target) {
    try {
      return getter.invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(getter.getName(), e);
    }
  }
}
