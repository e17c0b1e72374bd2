package dev.jtest.core.readiness;

import dev.jtest.core.engine.ContainerFacts;

/** The engine's verdict on the container's healthcheck (from compose or from the image). */
record HealthcheckCheck() implements ReadinessCheck {

  @Override
  public String name() {
    return "healthcheck";
  }

  @Override
  public String describe(ProbeTarget target) {
    return "the container's healthcheck";
  }

  @Override
  public Probe probe(ProbeTarget target) {
    ContainerFacts facts = target.facts();
    String last = lastOutput(facts);
    if ("healthy".equals(facts.health())) {
      return Probe.ready("healthy");
    }
    if ("unhealthy".equals(facts.health())) {
      throw new ServiceFailedException(
          target.service(),
          "service '" + target.service() + "' became unhealthy; last health check: " + last);
    }
    return Probe.notYet(
        facts.health() == null ? "no health status yet" : facts.health() + ", last check: " + last);
  }

  private static String lastOutput(ContainerFacts facts) {
    if (facts.healthLog().isEmpty()) {
      return "none run yet";
    }
    ContainerFacts.HealthProbe probe = facts.healthLog().get(facts.healthLog().size() - 1);
    String output =
        probe.output().isBlank() ? "no output" : "\"" + abbreviate(probe.output()) + "\"";
    return "exit " + probe.exitCode() + ", " + output;
  }

  static String abbreviate(String text) {
    String oneLine = text.strip().replaceAll("\\s*\\n\\s*", " | ");
    return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 297) + "...";
  }
}
