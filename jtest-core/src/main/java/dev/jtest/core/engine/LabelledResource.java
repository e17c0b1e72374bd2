package dev.jtest.core.engine;

import java.util.Map;

/**
 * A container, network or volume found by its labels.
 *
 * @param kind what it is
 * @param id the id (for a volume: its name)
 * @param name its name
 * @param labels its labels
 * @param running for a container, whether it runs
 */
public record LabelledResource(
    Kind kind, String id, String name, Map<String, String> labels, boolean running) {

  /** The kinds of engine resource jtest creates. */
  public enum Kind {
    CONTAINER,
    NETWORK,
    VOLUME
  }
}
