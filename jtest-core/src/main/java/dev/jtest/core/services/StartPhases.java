package dev.jtest.core.services;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each step before a stack's first container ended, for {@code readiness.json}: the steps
 * overlap, so the bench reads from these which of them held the first container back. Safe for
 * concurrent use: the steps end on different threads.
 */
final class StartPhases {

  /** A step before the first container, named as in {@code readiness.json}. */
  enum Phase {
    /** The compose files are read, merged and checked. */
    MODEL_LOADED("modelLoaded"),
    /** The engine answered a ping. */
    ENGINE_CONNECTED("engineConnected"),
    /** What dead builds of the project left on the engine is removed. */
    SWEPT("swept"),
    /** The run's networks and volumes exist. */
    NETWORKS_CREATED("networksCreated");

    private final String key;

    Phase(String key) {
      this.key = key;
    }
  }

  private final Map<Phase, Instant> ends = new ConcurrentHashMap<>();

  /** {@code phase} ended now. */
  void ended(Phase phase) {
    ends.put(phase, Instant.now());
  }

  /**
   * When each phase that ran ended, by its name in {@code readiness.json}, in the phases' order.
   */
  Map<String, Instant> ends() {
    Map<String, Instant> named = new LinkedHashMap<>();
    for (Phase phase : Phase.values()) {
      Instant end = ends.get(phase);
      if (end != null) {
        named.put(phase.key, end);
      }
    }
    return named;
  }
}
