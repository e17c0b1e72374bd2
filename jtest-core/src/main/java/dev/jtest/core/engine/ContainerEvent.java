package dev.jtest.core.engine;

import java.time.Instant;

/**
 * One change of a container, as the engine's event stream announces it.
 *
 * @param containerId the container's id
 * @param kind what happened
 * @param exitCode for {@link Kind#DIED}, the exit code when the engine said it; else {@code null}
 * @param health for {@link Kind#HEALTH}, {@code starting}, {@code healthy} or {@code unhealthy}
 *     when the engine said it; else {@code null}
 * @param time when it happened, by the engine's clock; {@code null} when not said
 */
public record ContainerEvent(
    String containerId, Kind kind, Integer exitCode, String health, Instant time) {

  /** What happened to the container. */
  public enum Kind {
    CREATED,
    STARTED,
    DIED,
    /** Its healthcheck changed the container's health status. */
    HEALTH,
    /** The kernel killed a process of it for memory. */
    OOM,
    DESTROYED,
    /** Anything else (exec, attach, rename…): nothing the container's state shows. */
    OTHER
  }
}
