package dev.jtest.core.testing;

import dev.jtest.core.compose.DependencyCondition;
import dev.jtest.core.compose.IdentitySpec;
import dev.jtest.core.compose.Location;
import dev.jtest.core.compose.PortSpec;
import dev.jtest.core.compose.ResourceSpec;
import dev.jtest.core.compose.ServiceSpec;
import dev.jtest.core.compose.WaitSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds service specs for tests that need one without a compose file. */
public final class Specs {

  private final String name;
  private List<String> entrypoint;
  private List<String> command;
  private Map<String, String> environment = Map.of();
  private List<PortSpec> ports = List.of();
  private final Map<String, DependencyCondition> dependsOn = new LinkedHashMap<>();
  private Map<String, Object> extension = Map.of();

  private Specs(String name) {
    this.name = name;
  }

  /** A service running image {@code x} with nothing else set. */
  public static Specs service(String name) {
    return new Specs(name);
  }

  public Specs entrypoint(List<String> entrypoint) {
    this.entrypoint = entrypoint;
    return this;
  }

  public Specs command(List<String> command) {
    this.command = command;
    return this;
  }

  public Specs environment(Map<String, String> environment) {
    this.environment = environment;
    return this;
  }

  public Specs ports(PortSpec... ports) {
    this.ports = List.of(ports);
    return this;
  }

  public Specs dependsOn(String... services) {
    for (String service : services) {
      dependsOn.put(service, DependencyCondition.SERVICE_STARTED);
    }
    return this;
  }

  public Specs extension(Map<String, Object> extension) {
    this.extension = extension;
    return this;
  }

  public ServiceSpec build() {
    return new ServiceSpec(
        name,
        new Location(Path.of("compose.yaml"), 1),
        "x",
        null,
        command,
        entrypoint,
        environment,
        ports,
        List.of(),
        List.of(),
        Map.copyOf(dependsOn),
        null,
        Map.of(),
        null,
        null,
        null,
        null,
        List.of(),
        List.of("default"),
        WaitSpec.none(),
        extension,
        IdentitySpec.NONE,
        ResourceSpec.NONE,
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }
}
