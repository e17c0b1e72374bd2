package dev.jtest.core.compose;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * jtest's readiness conditions for a service, from {@code x-jtest.wait}; all that are set must
 * hold, besides a healthcheck. Every field may be {@code null}.
 *
 * @param http a path to GET on the service's first published port (2xx or 3xx is ready)
 * @param tcp a container port that must accept connections
 * @param log a pattern that must be found in the container's output
 * @param command a command run in the container that must exit with 0
 * @param timeout how long to wait at most; {@code null} derives it from the healthcheck
 * @param location where {@code x-jtest.wait} is declared
 */
public record WaitSpec(
    String http,
    Integer tcp,
    Pattern log,
    List<String> command,
    Duration timeout,
    Location location) {

  /** No conditions, no timeout. */
  public static WaitSpec none() {
    return new WaitSpec(null, null, null, null, null, null);
  }

  /** Whether any condition is set. */
  public boolean hasConditions() {
    return http != null || tcp != null || log != null || command != null;
  }
}
