package dev.gmailcli.harness;

import dev.gmailcli.standin.GoogleStandIn;
import dev.gmailcli.standin.RecordedRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.AssertionFailedError;

/**
 * Gives each test its own {@link GoogleStandIn} and temporary HOME (use it through {@link
 * WithGoogleStandIn}).
 *
 * <p>Before each test it starts a stand-in and makes a HOME; it resolves parameters of type {@link
 * GoogleStandIn}, {@link CliHarness} (already pointed at the stand-in, with the {@link
 * TestClock#FIXED fixed clock}) and {@code @TempHome Path} in the test method, lifecycle methods
 * and the constructor (per-method lifecycle only). After each test — whatever its outcome — it
 * stops the stand-in and deletes the HOME, and then fails the test if any request matched no
 * endpoint of the stand-in, unless the method or its class says {@link AllowUnmatchedRequests}.
 */
public final class GoogleStandInExtension
    implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final Namespace NAMESPACE = Namespace.create(GoogleStandInExtension.class);

  @Override
  public ExtensionContextScope getTestInstantiationExtensionContextScope(
      ExtensionContext rootContext) {
    // constructor parameters then come from the test method's resources, like the others
    return ExtensionContextScope.TEST_METHOD;
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
    Class<?> type = parameter.getParameter().getType();
    return type == GoogleStandIn.class
        || type == CliHarness.class
        || (type == Path.class && parameter.isAnnotated(TempHome.class));
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (context.getTestMethod().isEmpty()) {
      throw new ParameterResolutionException(
          "the Google stand-in belongs to one test: use it with the per-method test lifecycle");
    }
    StandInResources resources = resources(context);
    Class<?> type = parameter.getParameter().getType();
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
