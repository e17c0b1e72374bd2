package dev.jtest.junit;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves {@link Service}-annotated parameters of test methods and constructors to the service's
 * endpoint. Registered by {@link WithServices}.
 */
public class ServicesExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return parameter.isAnnotated(Service.class)
        && (type == URI.class || type == String.class || type == ServiceEndpoint.class);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
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
}
