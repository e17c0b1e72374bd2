package dev.jtest.core.testing;

import dev.jtest.core.compose.HealthSpec;
import dev.jtest.core.engine.ContainerFacts;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the engine would say of a running container, for tests that need no engine. */
public final class Facts {

  /** The healthcheck of {@link #running}'s container when it has one. */
  public static final HealthSpec HEALTHCHECK =
      new HealthSpec(List.of("CMD-SHELL", "true"), null, null, null, null);

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
        hasHealthcheck ? HEALTHCHECK : null,
        0,
        ports,
        Map.of(),
        Map.of(),
        List.of());
  }

  /** A container whose process exited with {@code code} just now. */
  public static ContainerFacts exited(int code) {
    return exited(code, Instant.now(), false);
  }

  /** A container whose process exited with {@code code} at {@code at}, killed for memory or not. */
  public static ContainerFacts exited(int code, Instant at, boolean oomKilled) {
    return new ContainerFacts(
        "id",
        "jtest-ab12cd34-api",
        "sha256:image",
        "exited",
        false,
        code,
        at,
        oomKilled,
        null,
        List.of(),
        null,
        0,
        Map.of(),
        Map.of(),
        Map.of(),
        List.of());
  }
}
