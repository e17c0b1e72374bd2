package dev.jtest.junit;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves {@link Service}-annotated parameters to the service's endpoint, and {@link TestData}
 * parameters to the test's fixture, whose teardown actions it runs after each test. Registered by
 * {@link WithServices}.
 */
public class ServicesExtension implements ParameterResolver, AfterEachCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ServicesExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == TestData.class) {
      return true;
    }
    return parameter.isAnnotated(Service.class)
        && (type == URI.class || type == String.class || type == ServiceEndpoint.class);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.getParameter().getType() == TestData.class) {
      // One fixture per test: a constructor parameter and a method parameter of the same test share
      // it.
      return context
          .getStore(NAMESPACE)
          .getOrComputeIfAbsent(
              "testData",
              key -> new TestData(System.getProperty("jtest.cleanup.prefix", "TEST ")),
              TestData.class);
    }
    String name = parameter.findAnnotation(Service.class).orElseThrow().value();
    ServiceEndpoints endpoints = ServiceEndpoints.current();
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

  /**
   * Runs the test's teardown actions. Their failures never hide the test's own: they are added to
   * it as suppressed exceptions; when the test passed, the first one fails it, the rest suppressed.
   */
  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    TestData data = context.getStore(NAMESPACE).remove("testData", TestData.class);
    if (data == null) {
      return;
    }
    List<Throwable> failures = data.tearDown();
    if (failures.isEmpty()) {
      return;
    }
    Optional<Throwable> own = context.getExecutionException();
    if (own.isPresent()) {
      failures.forEach(own.get()::addSuppressed);
      return;
    }
    Throwable first = failures.get(0);
    failures.subList(1, failures.size()).forEach(first::addSuppressed);
    if (first instanceof Exception exception) {
      throw exception;
    }
    throw (Error) first;
  }
}
