package dev.jtest.core.compose;

import java.util.List;
import java.util.Map;

/**
 * A {@code post_start} or {@code pre_stop} hook, a command run in the service's running container;
 * or a {@code pre_start} step, a command run in a container of its own before the service's starts.
 * {@code null} keeps the container's own setting.
 *
 * @param command the command, split into words as compose splits a service's command
 * @param user the user to run it as, or {@code null} for the container's
 * @param privileged whether it runs with extended privileges
 * @param workingDir where it runs, or {@code null} for the container's working directory
 * @param environment entries added to, or replacing, the container's environment
 * @param location where the hook is written
 * @param image the image a {@code pre_start} step runs, or {@code null} for the service's
 */
public record LifecycleHook(
    List<String> command,
    String user,
    boolean privileged,
    String workingDir,
    Map<String, String> environment,
    Location location,
    String image) {

  /** A {@code post_start} or {@code pre_stop} hook, which runs in the service's own container. */
  public LifecycleHook(
      List<String> command,
      String user,
      boolean privileged,
      String workingDir,
      Map<String, String> environment,
      Location location) {
    this(command, user, privileged, workingDir, environment, location, null);
  }
}
