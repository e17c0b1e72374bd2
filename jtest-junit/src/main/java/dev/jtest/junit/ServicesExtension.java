package dev.jtest.junit;

import dev.jtest.settings.Settings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * Resolves {@link ComposeService}-annotated parameters (and those of its deprecated alias {@link
 * Service}) to the service's endpoint, and {@link TestData} parameters to the test's fixture, whose
 * teardown actions it runs after each test. Registered by {@link WithServices}; not for users to
 * register, so not public (JUnit instantiates an extension it cannot see from outside).
 */
@SuppressWarnings("removal") // honours @Service until it goes
class ServicesExtension
    implements ParameterResolver, TestInstancePostProcessor, AfterEachCallback, AfterAllCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ServicesExtension.class);

  /** Store key of the fixture a constructor received, until its instance exists. */
  private static final String CONSTRUCTED = "constructedTestData";

  /** Store key of the fixture of one test instance (identity, not equals). */
  private record InstanceKey(Object instance) {
    @Override
    public boolean equals(Object other) {
      return other instanceof InstanceKey key && key.instance == instance;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(instance);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == TestData.class) {
      return true;
    }
    return serviceName(parameter).isPresent()
        && (type == URI.class || type == String.class || type == ServiceEndpoint.class);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.getParameter().getType() == TestData.class) {
      return testData(parameter, context);
    }
    String name = serviceName(parameter).orElseThrow();
    StartedServices endpoints = StartedServices.current();
    Optional<ServiceEndpoint> endpoint = endpoints.find(name);
    if (endpoint.isEmpty()) {
      throw new ParameterResolutionException(
          "no service '"
              + name
              + "' among the services jtest started ("
              + (endpoints.names().isEmpty()
                  ? "none: is the jtest-maven-plugin declared with <extensions>true</extensions>?"
                  : "known: " + String.join(", ", endpoints.names()))
              + ")");
    }
    Class<?> type = parameter.getParameter().getType();
    try {
      if (type == ServiceEndpoint.class) {
        return endpoint.get();
      }
      URI url = endpoint.get().url();
      return type == URI.class ? url : url.toString();
    } catch (IllegalStateException e) {
      throw new ParameterResolutionException(e.getMessage(), e);
    }
  }

  /** The service named by the parameter's {@link ComposeService}, or by its former name. */
  private static Optional<String> serviceName(ParameterContext parameter) {
    return parameter
        .findAnnotation(ComposeService.class)
        .map(ComposeService::value)
        .or(() -> parameter.findAnnotation(Service.class).map(Service::value));
  }

  /**
   * One fixture per test instance. Jupiter resolves constructor parameters in the class's context
   * (before 5.12, and by default since), which outlives the test: the fixture is handed over to the
   * instance once it exists, and a method parameter of the same test gets the same fixture.
   */
  private static TestData testData(ParameterContext parameter, ExtensionContext context) {
    if (parameter.getDeclaringExecutable() instanceof java.lang.reflect.Constructor<?>) {
      TestData data = newTestData();
      context.getStore(NAMESPACE).put(CONSTRUCTED, data);
      return data;
    }
    Optional<Object> instance = context.getTestInstance();
    if (instance.isPresent()) {
      TestData constructed =
          context.getStore(NAMESPACE).get(new InstanceKey(instance.get()), TestData.class);
      if (constructed != null) {
        return constructed;
      }
    }
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("testData", key -> newTestData(), TestData.class);
  }

  private static TestData newTestData() {
    return new TestData(Settings.CLEANUP_PREFIX.read(System::getProperty));
  }

  @Override
  public void postProcessTestInstance(Object instance, ExtensionContext context) {
    TestData constructed = context.getStore(NAMESPACE).remove(CONSTRUCTED, TestData.class);
    if (constructed != null) {
      context.getStore(NAMESPACE).put(new InstanceKey(instance), constructed);
    }
  }

  /**
   * Runs the test's teardown actions. Their failures never hide the test's own: they are added to
   * it as suppressed exceptions; when the test passed, the first one fails it, the rest suppressed.
   */
  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    List<Throwable> failures = new ArrayList<>();
    TestData own = context.getStore(NAMESPACE).remove("testData", TestData.class);
    if (own != null) {
      failures.addAll(own.tearDown());
    }
    // A fixture of the constructor lives as long as its instance: one test, unless the class
    // asked for one instance for all its tests (then afterAll tears it down).
    if (context.getTestInstanceLifecycle().orElse(Lifecycle.PER_METHOD) == Lifecycle.PER_METHOD) {
      failures.addAll(tearDownConstructed(context));
    }
    if (failures.isEmpty()) {
      return;
    }
    Optional<Throwable> testFailure = context.getExecutionException();
    if (testFailure.isPresent()) {
      failures.forEach(testFailure.get()::addSuppressed);
      return;
    }
    throwFirst(failures);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    List<Throwable> failures = tearDownConstructed(context);
    if (!failures.isEmpty()) {
      throwFirst(failures);
    }
  }

  /** Throws the first failure with the others suppressed in it. */
  private static void throwFirst(List<Throwable> failures) throws Exception {
    Throwable first = failures.get(0);
    failures.subList(1, failures.size()).forEach(first::addSuppressed);
    if (first instanceof Exception exception) {
      throw exception;
    }
    throw (Error) first;
  }

  /** Tears down the fixture the test instance's constructor received, kept in the class's store. */
  private static List<Throwable> tearDownConstructed(ExtensionContext context) {
    Optional<Object> instance = context.getTestInstance();
    if (instance.isEmpty()) {
      return List.of();
    }
    // A store's remove does not reach its parents: try the test's context, then upwards.
    InstanceKey key = new InstanceKey(instance.get());
    for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
      TestData data = c.getStore(NAMESPACE).remove(key, TestData.class);
      if (data != null) {
        return data.tearDown();
      }
    }
    return List.of();
  }
}
