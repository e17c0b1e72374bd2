package dev.jtest.core.engine;

import java.util.List;

/**
 * A command to run in a running container, with how to run it. {@code null} keeps the container's
 * own setting.
 *
 * @param command the command and its arguments
 * @param environment extra {@code KEY=value} entries, over the container's environment
 * @param user the user to run it as
 * @param privileged whether it runs with extended privileges
 * @param workingDir the directory it runs in
 */
public record ExecCommand(
    List<String> command,
    List<String> environment,
    String user,
    boolean privileged,
    String workingDir) {

  /** {@code command} as the container's user, in its working directory. */
  public static ExecCommand of(List<String> command, List<String> environment) {
    return new ExecCommand(command, environment, null, false, null);
  }
}
