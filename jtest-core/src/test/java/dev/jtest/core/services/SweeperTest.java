package dev.jtest.core.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jtest.core.engine.Engine;
import dev.jtest.core.engine.LabelledResource;
import dev.jtest.core.testing.TestContainers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Removing what a run left, on the real engine. */
class SweeperTest {

  /**
   * Podman refuses to remove a container that another one joins ("has dependent containers which
   * must be removed before it"); Docker does not mind. A run's containers come back from the label
   * search in any order, so the one joined may come first: it is removed after its dependant.
   */
  @Test
  void removesAContainerThatAnotherJoinsWhateverTheOrder() {
    try (TestContainers containers = new TestContainers()) {
      Engine engine = containers.engine();
      String joined = containers.run("exec sleep 600", List.of(), null, TestContainers.logBuffer());
      String sidecar = containers.joining(joined, "exec sleep 600");

      new Sweeper(engine).remove(List.of(container(joined), container(sidecar)));

      assertThat(engine.inspect(joined)).isEmpty();
      assertThat(engine.inspect(sidecar)).isEmpty();
    }
  }

  private static LabelledResource container(String id) {
    return new LabelledResource(LabelledResource.Kind.CONTAINER, id, id, Map.of(), true);
  }
}
