package dev.gmailcli.harness;

import dev.gmailcli.standin.GoogleStandIn;
import dev.gmailcli.standin.RecordedRequest;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.opentest4j.AssertionFailedError;

/**
 * Gives each test its own {@link GoogleStandIn} and temporary HOME (use it through {@link
 * WithGoogleStandIn}).
 *
 * <p>Before each test it starts a stand-in and makes a HOME. It hands out a {@link GoogleStandIn},
 * a {@link CliHarness} (already pointed at the stand-in, with the {@link TestClock#FIXED fixed
 * clock}) and the HOME as a {@code @TempHome Path}: as parameters of the test method, lifecycle
 * methods and constructor, and in the test instance's non-final fields of those types (per-method
 * lifecycle only). After each test — whatever its outcome — it stops the stand-in and deletes the
 * HOME, and then fails the test if any request matched no endpoint of the stand-in, unless the
 * method or its class says {@link AllowUnmatchedRequests}.
 */
public final class GoogleStandInExtension
    implements BeforeEachCallback, AfterEachCallback, ParameterResolver, TestInstancePostProcessor {
  private static final Namespace NAMESPACE = Namespace.create(GoogleStandInExtension.class);

  @Override
  public ExtensionContextScope getTestInstantiationExtensionContextScope(
      ExtensionContext rootContext) {
    // constructor parameters then come from the test method's resources, like the others
    return ExtensionContextScope.TEST_METHOD;
  }

  @Override
  public void postProcessTestInstance(Object instance, ExtensionContext context) {
    for (Class<?> type = instance.getClass(); type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers) || Modifier.isFinal(modifiers)) {
          continue; // a final field is the constructor's to set
        }
        Object value =
            valueFor(field.getType(), field.isAnnotationPresent(TempHome.class), context);
        if (value != null) {
          field.setAccessible(true);
          try {
            field.set(instance, value);
          } catch (IllegalAccessException e) {
            throw new ExtensionConfigurationException("cannot fill in " + field, e);
          }
        }
      }
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    resources(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    StandInResources resources =
        context.getStore(NAMESPACE).remove(StandInResources.class, StandInResources.class);
    if (resources == null) {
      return;
    }
    List<RecordedRequest> unmatched;
    try {
      unmatched = resources.google().unmatched();
    } finally {
      resources.close();
    }
    Optional<AllowUnmatchedRequests> allowed = allowance(context);
    if (!unmatched.isEmpty() && allowed.isEmpty()) {
      throw new AssertionFailedError(
          unmatched.size()
              + " request(s) matched no endpoint of the Google stand-in: "
              + unmatched.stream()
                  .map(r -> r.method() + " " + r.path())
                  .collect(Collectors.joining(", "))
              + " (if the test means to send them, annotate it with @AllowUnmatchedRequests)");
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return handsOut(parameter.getParameter().getType(), parameter.isAnnotated(TempHome.class));
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return valueFor(
        parameter.getParameter().getType(), parameter.isAnnotated(TempHome.class), context);
  }

  private static boolean handsOut(Class<?> type, boolean tempHome) {
    return type == GoogleStandIn.class
        || type == CliHarness.class
        || (type == Path.class && tempHome);
  }

  /** The test's stand-in, harness or HOME for a parameter or field of that type; else null. */
  private static Object valueFor(Class<?> type, boolean tempHome, ExtensionContext context) {
    if (!handsOut(type, tempHome)) {
      return null;
    }
    if (context.getTestMethod().isEmpty()) {
      throw new ExtensionConfigurationException(
          "the Google stand-in belongs to one test: use it with the per-method test lifecycle");
    }
    StandInResources resources = resources(context);
    if (type == GoogleStandIn.class) {
      return resources.google();
    }
    return type == CliHarness.class ? resources.cli() : resources.home();
  }

  private static StandInResources resources(ExtensionContext context) {
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            StandInResources.class, key -> StandInResources.open(), StandInResources.class);
  }

  private static Optional<AllowUnmatchedRequests> allowance(ExtensionContext context) {
    Optional<AllowUnmatchedRequests> onMethod =
        context.getTestMethod().map(m -> m.getAnnotation(AllowUnmatchedRequests.class));
    if (onMethod.isPresent()) {
      return onMethod;
    }
    for (Class<?> type = context.getTestClass().orElse(null);
        type != null;
        type = type.getEnclosingClass()) {
      AllowUnmatchedRequests onClass = type.getAnnotation(AllowUnmatchedRequests.class);
      if (onClass != null) {
        return Optional.of(onClass);
      }
    }
    return Optional.empty();
  }
}
