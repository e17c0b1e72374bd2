package dev.jtest.core.services;

import dev.jtest.core.ConfigurationException;
import dev.jtest.core.compose.ComposeModel;
import dev.jtest.core.compose.DependencyCondition;
import dev.jtest.core.compose.HealthSpec;
import dev.jtest.core.compose.ServiceSpec;
import dev.jtest.core.compose.WaitSpec;
import dev.jtest.core.engine.ContainerFacts;
import dev.jtest.core.readiness.ReadinessCheck;
import dev.jtest.core.readiness.ReadinessWaiter;
import dev.jtest.core.readiness.Wait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How jtest decides that one service is ready: which checks, for how long, and whether it is a
 * one-shot task awaited for its completion. Pure: from the compose model and the facts of the
 * started container.
 *
 * @param checks the conditions that must all hold; none means "running is ready"
 * @param timeout how long they may take
 * @param completion whether the service is awaited with {@code service_completed_successfully}, so
 *     that exiting with 0 is its readiness
 */
record ReadinessPlan(List<ReadinessCheck> checks, Duration timeout, boolean completion) {

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  /**
   * What the wait adds to the time a healthcheck may take, so that the engine's verdict comes
   * first.
   */
  static final Duration HEALTHCHECK_MARGIN = Duration.ofSeconds(10);

  ReadinessPlan {
    checks = List.copyOf(checks);
  }

  /**
   * The plan of {@code spec}, whose container the engine describes as {@code facts}.
   *
   * @param engineRunsHealthchecks whether the engine runs the container's healthcheck; when it does
   *     not (Podman without systemd), jtest runs it itself
   * @throws ConfigurationException when another service awaits it as {@code service_healthy} but it
   *     has nothing to be healthy by
   */
  static ReadinessPlan of(
      ComposeModel model, ServiceSpec spec, ContainerFacts facts, boolean engineRunsHealthchecks) {
    boolean completion =
        awaited(model, spec.name(), DependencyCondition.SERVICE_COMPLETED_SUCCESSFULLY);
    List<ReadinessCheck> checks =
        completion ? List.of() : checks(spec, facts, engineRunsHealthchecks);
    if (!completion
        && checks.isEmpty()
        && awaited(model, spec.name(), DependencyCondition.SERVICE_HEALTHY)) {
      throw new ConfigurationException(
          spec.location()
              + ": service '"
              + spec.name()
              + "' is awaited as service_healthy, but it has no healthcheck (neither in the compose"
              + " file nor in its image) and no x-jtest.wait: add one of them");
    }
    return new ReadinessPlan(checks, timeout(spec), completion);
  }

  /** The waiter that carries out this plan for {@code service}. */
  ReadinessWaiter waiter(String service) {
    return new ReadinessWaiter(service, checks, timeout, completion);
  }

  /**
   * Whether {@code service} is a one-shot task: another service waits for it to complete
   * successfully, so its exit is expected.
   */
  static boolean isOneShot(ComposeModel model, String service) {
    return awaited(model, service, DependencyCondition.SERVICE_COMPLETED_SUCCESSFULLY);
  }

  /**
   * The checks: the healthcheck when the container has one that the compose file does not disable
   * (the engine's verdict, or jtest's own run of it), then each {@code x-jtest.wait} condition
   * (http, tcp, log, command).
   */
  static List<ReadinessCheck> checks(
      ServiceSpec spec, ContainerFacts facts, boolean engineRunsHealthchecks) {
    List<ReadinessCheck> checks = new ArrayList<>();
    boolean healthDisabled = spec.healthcheck() != null && spec.healthcheck().disabled();
    if (facts.hasHealthcheck() && !healthDisabled) {
      checks.add(
          engineRunsHealthchecks
              ? Wait.forHealthcheck()
              : Wait.byRunningHealthcheck(facts.healthcheck()));
    }
    WaitSpec wait = spec.readiness();
    if (wait.http() != null) {
      checks.add(Wait.forHttp(wait.http(), spec.firstPort().orElseThrow().containerPort()));
    }
    if (wait.tcp() != null) {
      checks.add(Wait.forTcp(wait.tcp()));
    }
    if (wait.log() != null) {
      checks.add(Wait.forLog(wait.log()));
    }
    if (wait.command() != null) {
      checks.add(Wait.forCommand(wait.command()));
    }
    return checks;
  }

  /** {@code x-jtest.wait.timeout}, else what the healthcheck may take plus a margin, else 60 s. */
  static Duration timeout(ServiceSpec spec) {
    if (spec.readiness().timeout() != null) {
      return spec.readiness().timeout();
    }
    HealthSpec health = spec.healthcheck();
    if (health != null && !health.disabled()) {
      return health.worstCase().plus(HEALTHCHECK_MARGIN);
    }
    return DEFAULT_TIMEOUT;
  }

  /**
   * Fails before anything starts when a service's readiness cannot be checked as written.
   *
   * @throws ConfigurationException for {@code x-jtest.wait.http} on a service that publishes no
   *     port
   */
  static void checkRunnable(ComposeModel model) {
    for (ServiceSpec spec : model.services().values()) {
      if (spec.readiness().http() != null && spec.firstPort().isEmpty()) {
        throw new ConfigurationException(
            spec.location()
                + ": service '"
                + spec.name()
                + "': x-jtest.wait.http needs a published port to send the request to: add e.g."
                + " ports: [\"8080\"]");
      }
    }
  }

  /** Whether some service of {@code model} depends on {@code service} with {@code condition}. */
  private static boolean awaited(
      ComposeModel model, String service, DependencyCondition condition) {
    return model.services().values().stream()
        .anyMatch(s -> s.dependsOn().get(service) == condition);
  }
}
