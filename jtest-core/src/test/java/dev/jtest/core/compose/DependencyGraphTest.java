package dev.jtest.core.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jtest.core.testing.Specs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {

  private static ServiceSpec service(String name, String... dependencies) {
    return Specs.service(name).dependsOn(dependencies).build();
  }

  private static Map<String, ServiceSpec> services(ServiceSpec... specs) {
    Map<String, ServiceSpec> map = new LinkedHashMap<>();
    for (ServiceSpec spec : specs) {
      map.put(spec.name(), spec);
    }
    return map;
  }

  @Test
  void groupsIndependentServicesIntoTheSameStartWave() {
    DependencyGraph graph =
        DependencyGraph.of(
            services(
                service("mcp", "auth"), service("auth", "db"), service("db"), service("cache")));

    assertThat(graph.startWaves())
        .containsExactly(List.of("db", "cache"), List.of("auth"), List.of("mcp"));
    assertThat(graph.stopOrder())
        .containsExactly(List.of("mcp"), List.of("auth"), List.of("db", "cache"));
  }
}
