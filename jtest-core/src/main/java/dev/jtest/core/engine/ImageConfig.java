package dev.jtest.core.engine;

import java.util.List;

/**
 * What an image runs by default.
 *
 * @param entrypoint its ENTRYPOINT, empty when none
 * @param command its CMD, empty when none
 * @param environment its {@code KEY=value} environment
 */
public record ImageConfig(List<String> entrypoint, List<String> command, List<String> environment) {

  /** The value of {@code name} in the image's environment, or {@code null}. */
  public String env(String name) {
    for (String entry : environment) {
      if (entry.startsWith(name + "=")) {
        return entry.substring(name.length() + 1);
      }
    }
    return null;
  }
}
