package dev.jtest.core.readiness;

import java.time.Duration;

/**
 * One condition a service must meet before tests may use it. Implementations are immutable and hold
 * no state between probes (the waiter remembers what already held), except the healthcheck jtest
 * runs itself, which counts its failing streak as the engine would and is made once per wait.
 */
public interface ReadinessCheck {

  /** The condition's key in messages and in {@code readiness.json}: {@code http}, {@code tcp}, … */
  String name();

  /** What is checked, for messages: {@code GET /health on 127.0.0.1:49153}. */
  String describe(ProbeTarget target);

  /**
   * Probes once, quickly (well under a second).
   *
   * @throws ServiceFailedException when the condition can no longer hold (e.g. the engine says
   *     unhealthy), so that waiting stops at once
   */
  Probe probe(ProbeTarget target);

  /** How long after its {@code attempts}-th probe (1 for the first) this check is due again. */
  default Duration nextProbe(int attempts) {
    return PollSchedule.after(name(), attempts);
  }
}
