package dev.jtest.core.compose;

import java.util.Arrays;
import java.util.Optional;

/** What a service waits for before it starts, per {@code depends_on}. */
public enum DependencyCondition {
  /** The dependency's container has started. */
  SERVICE_STARTED("service_started"),
  /** The dependency is ready: healthy, and its {@code x-jtest.wait} conditions hold. */
  SERVICE_HEALTHY("service_healthy"),
  /** The dependency ran to completion with exit code 0. */
  SERVICE_COMPLETED_SUCCESSFULLY("service_completed_successfully");

  private final String composeName;

  DependencyCondition(String composeName) {
    this.composeName = composeName;
  }

  public String composeName() {
    return composeName;
  }

  static Optional<DependencyCondition> fromComposeName(String name) {
    return Arrays.stream(values()).filter(c -> c.composeName.equals(name)).findFirst();
  }
}
