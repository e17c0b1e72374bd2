package dev.jtest.core.services;

import dev.jtest.core.engine.ContainerEvent;
import dev.jtest.core.engine.ContainerFacts;
import java.util.Optional;

/**
 * What an engine event changes in what jtest knows of a container. Pure.
 *
 * <p>An event that tells all a waiter acts on (started, healthy, starting, exited with 0) updates
 * the known facts at once, so that readiness is seen without a round trip to the engine. One whose
 * consequence needs more than the event says (an exit other than 0, whose message names the exit
 * code and whether memory ran out; unhealthy, whose message shows the last check's output; an
 * out-of-memory kill; a removal; a health event without its status) asks for the container to be
 * inspected afresh.
 */
final class EventFacts {

  private EventFacts() {}

  /**
   * The facts after {@code event}, or empty when the container must be inspected to know them.
   *
   * @param facts what was known before the event
   */
  static Optional<ContainerFacts> apply(ContainerFacts facts, ContainerEvent event) {
    return switch (event.kind()) {
      case CREATED, OTHER -> Optional.of(facts);
      case STARTED -> Optional.of(with(facts, "running", true, null, facts.health()));
      case DIED ->
          event.exitCode() != null && event.exitCode() == 0
              ? Optional.of(with(facts, "exited", false, 0, facts.health()))
              : Optional.empty();
      case HEALTH ->
          "healthy".equals(event.health()) || "starting".equals(event.health())
              ? Optional.of(
                  with(facts, facts.status(), facts.running(), facts.exitCode(), event.health()))
              : Optional.empty();
      case OOM, DESTROYED -> Optional.empty();
    };
  }

  private static ContainerFacts with(
      ContainerFacts facts, String status, boolean running, Integer exitCode, String health) {
    return new ContainerFacts(
        facts.id(),
        facts.name(),
        facts.imageId(),
        status,
        running,
        exitCode,
        facts.finishedAt(),
        facts.oomKilled(),
        health,
        facts.healthLog(),
        facts.healthcheck(),
        facts.restartCount(),
        facts.ports(),
        facts.addresses(),
        facts.labels(),
        facts.environment());
  }
}
