package dev.jtest.core.readiness;

import dev.jtest.core.engine.ContainerFacts;
import dev.jtest.core.engine.EngineException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.pollinterval.IterativePollInterval;

/**
 * Waits until every check of one service holds, polling with a short interval that grows from 10 ms
 * to at most 100 ms, so that a ready stack is seen within about 100 ms. Fails at once when the
 * container exits or a check says it never will; on time-out the message names every condition that
 * did not hold with its last probe result.
 */
public final class ReadinessWaiter {

  static final Duration FIRST_POLL = Duration.ofMillis(10);
  static final Duration MAX_POLL = Duration.ofMillis(100);

  private final String service;
  private final List<ReadinessCheck> checks;
  private final Duration timeout;
  private final boolean completionIsReadiness;

  /**
   * @param checks the conditions, all of which must hold; none means "running is ready"
   * @param completionIsReadiness whether the service is a one-shot task that others wait on with
   *     {@code service_completed_successfully}: then exiting with 0 is what it is waited for
   */
  public ReadinessWaiter(
      String service,
      List<ReadinessCheck> checks,
      Duration timeout,
      boolean completionIsReadiness) {
    this.service = service;
    this.checks = List.copyOf(checks);
    this.timeout = timeout;
    this.completionIsReadiness = completionIsReadiness;
  }

  /** When each condition first held, measured from the container's start. */
  public record Outcome(Map<String, Instant> conditions, Instant ready) {}

  /**
   * Waits.
   *
   * @param inspect inspects the container afresh; empty when it no longer exists
   * @param target the probe target, built around the facts of the current round
   * @throws ServiceFailedException when the service exits, turns unhealthy or times out
   */
  public Outcome await(
      Supplier<Optional<ContainerFacts>> inspect,
      java.util.function.Function<ContainerFacts, ProbeTarget> target) {
    Map<String, Instant> held = new LinkedHashMap<>();
    Map<String, String> lastSeen = new LinkedHashMap<>();
    Instant started = Instant.now();
    ContainerFacts[] last = new ContainerFacts[1];
    try {
      Awaitility.await("readiness of service '" + service + "'")
          .pollInSameThread()
          .pollDelay(Duration.ZERO)
          .pollInterval(
              new IterativePollInterval(
                  previous -> min(previous.multipliedBy(2), MAX_POLL), FIRST_POLL))
          .atMost(timeout)
          .until(() -> round(inspect, target, held, lastSeen, last));
    } catch (ConditionTimeoutException e) {
      throw new ServiceFailedException(service, timeoutMessage(started, lastSeen));
    }
    return new Outcome(Map.copyOf(held), Instant.now());
  }

  private boolean round(
      Supplier<Optional<ContainerFacts>> inspect,
      java.util.function.Function<ContainerFacts, ProbeTarget> target,
      Map<String, Instant> held,
      Map<String, String> lastSeen,
      ContainerFacts[] last) {
    ContainerFacts facts =
        inspect
            .get()
            .orElseThrow(
                () ->
                    new ServiceFailedException(
                        service,
                        "the container of service '"
                            + service
                            + "' was removed while jtest waited for it"));
    last[0] = facts;
    if (completionIsReadiness) {
      if (facts.exited()) {
        if (facts.exitCode() != null && facts.exitCode() == 0) {
          held.put("completed", Instant.now());
          return true;
        }
        throw exited(facts);
      }
      lastSeen.put("completed", "still running");
      return false;
    }
    if (facts.exited()) {
      throw exited(facts);
    }
    if (!facts.running()) {
      lastSeen.put("running", facts.status());
      return false;
    }
    ProbeTarget probeTarget = target.apply(facts);
    for (ReadinessCheck check : checks) {
      if (held.containsKey(check.name())) {
        continue;
      }
      Probe probe;
      try {
        probe = check.probe(probeTarget);
      } catch (EngineException e) {
        // The container can exit between the inspection and the probe: an exec into it then fails
        // ("No such exec instance"). Say that it exited, not that the engine failed; while it still
        // looks alive, the failure is this round's probe result and the next round looks again.
        Optional<ContainerFacts> now = inspect.get();
        if (now.isEmpty() || now.get().exited()) {
          throw now.map(this::exited)
              .orElseGet(
                  () ->
                      new ServiceFailedException(
                          service,
                          "the container of service '"
                              + service
                              + "' was removed while jtest waited for it"));
        }
        probe = Probe.notYet(e.getMessage());
      }
      if (probe.ready()) {
        held.put(check.name(), Instant.now());
        lastSeen.remove(check.name());
      } else {
        lastSeen.put(check.name(), check.describe(probeTarget) + " -> " + probe.detail());
      }
    }
    return held.keySet().containsAll(checks.stream().map(ReadinessCheck::name).toList());
  }

  private ServiceFailedException exited(ContainerFacts facts) {
    String why = facts.oomKilled() ? " (killed: out of memory)" : "";
    return new ServiceFailedException(
        service,
        "service '"
            + service
            + "' exited with code "
            + facts.exitCode()
            + why
            + " while jtest waited for it to be ready");
  }

  private String timeoutMessage(Instant started, Map<String, String> lastSeen) {
    double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
    List<String> pending = new ArrayList<>();
    lastSeen.forEach((name, detail) -> pending.add(name + ": " + detail));
    return String.format(
        Locale.ROOT,
        "service '%s' is not ready after %.1f s (timeout %s); still waiting for %s",
        service,
        seconds,
        dev.jtest.core.compose.ComposeDurations.format(timeout),
        pending.isEmpty() ? "the container to run" : String.join("; ", pending));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
