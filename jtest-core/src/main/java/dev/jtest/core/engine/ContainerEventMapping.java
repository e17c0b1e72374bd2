package dev.jtest.core.engine;

import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one of the engine's events ({@code GET /events}) into a {@link ContainerEvent}. Pure.
 *
 * <p>Docker names a health change in the action itself ({@code "health_status: healthy"}); Podman's
 * compatible API sends a bare {@code health_status} with the status among the attributes, and names
 * a container's end {@code died} in its own events. Both are read; a health event without a status
 * keeps {@code health} null, for the reader to inspect the container.
 */
final class ContainerEventMapping {

  private static final String HEALTH_STATUS = "health_status";

  private ContainerEventMapping() {}

  /** The container event, or empty for an event that is not about a container. */
  static Optional<ContainerEvent> event(Event event) {
    if (event.getType() != null && event.getType() != EventType.CONTAINER) {
      return Optional.empty();
    }
    String id = event.getActor() != null ? event.getActor().getId() : null;
    if (id == null || id.isBlank()) {
      id = event.getId();
    }
    String action = event.getAction() != null ? event.getAction() : event.getStatus();
    if (id == null || id.isBlank() || action == null) {
      return Optional.empty();
    }
    Map<String, String> attributes =
        event.getActor() == null || event.getActor().getAttributes() == null
            ? Map.of()
            : event.getActor().getAttributes();
    Instant time =
        event.getTimeNano() != null
            ? Instant.ofEpochSecond(0, event.getTimeNano())
            : event.getTime() != null ? Instant.ofEpochSecond(event.getTime()) : null;
    String verb = action.split(":", 2)[0].strip();
    ContainerEvent.Kind kind =
        switch (verb) {
          case "create" -> ContainerEvent.Kind.CREATED;
          case "start" -> ContainerEvent.Kind.STARTED;
          case "die", "died" -> ContainerEvent.Kind.DIED;
          case HEALTH_STATUS -> ContainerEvent.Kind.HEALTH;
          case "oom" -> ContainerEvent.Kind.OOM;
          case "destroy", "remove" -> ContainerEvent.Kind.DESTROYED;
          default -> ContainerEvent.Kind.OTHER;
        };
    Integer exitCode = kind == ContainerEvent.Kind.DIED ? number(attributes.get("exitCode")) : null;
    String health = kind == ContainerEvent.Kind.HEALTH ? health(action, attributes) : null;
    return Optional.of(new ContainerEvent(id, kind, exitCode, health, time));
  }

  private static String health(String action, Map<String, String> attributes) {
    int colon = action.indexOf(':');
    String status =
        colon >= 0 ? action.substring(colon + 1).strip() : attributes.get(HEALTH_STATUS);
    return status == null || status.isBlank() ? null : status;
  }

  private static Integer number(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
