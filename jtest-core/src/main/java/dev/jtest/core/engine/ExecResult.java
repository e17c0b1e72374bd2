package dev.jtest.core.engine;

/**
 * The outcome of a command run in a container.
 *
 * @param exitCode the command's exit code, or {@code null} when it did not end in time
 * @param output what it wrote to stdout and stderr, interleaved
 */
public record ExecResult(Integer exitCode, String output) {

  public boolean succeeded() {
    return exitCode != null && exitCode == 0;
  }
}
