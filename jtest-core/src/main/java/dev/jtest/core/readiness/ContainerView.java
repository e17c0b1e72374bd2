package dev.jtest.core.readiness;

import dev.jtest.core.engine.ContainerFacts;
import java.util.Optional;
import java.util.function.Supplier;

/** Where the readiness waiter learns the state of the container it waits for. */
public interface ContainerView {

  /**
   * The container's state as known now: kept up to date from the engine's events where it can be,
   * else inspected (as often as the implementation finds reasonable). Empty once the container no
   * longer exists.
   */
  Optional<ContainerFacts> current();

  /** The container's state inspected afresh, for a diagnosis; empty when it no longer exists. */
  Optional<ContainerFacts> inspect();

  /** A view that inspects the container, with {@code inspect}, whenever asked. */
  static ContainerView inspecting(Supplier<Optional<ContainerFacts>> inspect) {
    return new ContainerView() {
      @Override
      public Optional<ContainerFacts> current() {
        return inspect.get();
      }

      @Override
      public Optional<ContainerFacts> inspect() {
        return inspect.get();
      }
    };
  }
}
