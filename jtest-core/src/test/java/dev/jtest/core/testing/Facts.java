package dev.jtest.core.testing;

import dev.jtest.core.engine.ContainerFacts;
import java.util.List;
import java.util.Map;

/** What the engine would say of a running container, for tests that need no engine. */
public final class Facts {

  private Facts() {}

  /**
   * A running container.
   *
   * @param hasHealthcheck whether it has a healthcheck (its image's or the compose file's)
   * @param ports host ports by {@code "8080/tcp"}
   */
  public static ContainerFacts running(boolean hasHealthcheck, Map<String, Integer> ports) {
    return new ContainerFacts(
        "id",
        "jtest-ab12cd34-api",
        "sha256:image",
        "running",
        true,
        null,
        null,
        false,
        hasHealthcheck ? "starting" : null,
        List.of(),
        hasHealthcheck,
        0,
        ports,
        Map.of(),
        Map.of(),
        List.of());
  }
}
