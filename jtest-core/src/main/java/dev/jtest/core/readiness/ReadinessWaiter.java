package dev.jtest.core.readiness;

import dev.jtest.core.engine.ContainerFacts;
import dev.jtest.core.engine.EngineException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waits until every check of one service holds, probing each as {@link PollSchedule} says, so that
 * a ready service is seen within about 10 ms. Fails at once when the container exits or a check
 * says it never will; on time-out the message names every condition that did not hold with its last
 * probe result, after one last look with the container inspected afresh.
 */
public final class ReadinessWaiter {

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
   * Waits, inspecting the container with {@code inspect} in every round.
   *
   * @param inspect inspects the container afresh; empty when it no longer exists
   * @param target the probe target, built around the facts of the current round
   * @throws ServiceFailedException when the service exits, turns unhealthy or times out
   */
  public Outcome await(
      Supplier<Optional<ContainerFacts>> inspect, Function<ContainerFacts, ProbeTarget> target) {
    return await(ContainerView.inspecting(inspect), target);
  }

  /**
   * Waits.
   *
   * @param container the container's state, as the engine's events or inspections tell it
   * @param target the probe target, built around the facts of the current round
   * @throws ServiceFailedException when the service exits, turns unhealthy or times out
   */
  public Outcome await(ContainerView container, Function<ContainerFacts, ProbeTarget> target) {
    Rounds rounds = new Rounds(container, target);
    Instant started = Instant.now();
    try {
      Awaitility.await("readiness of service '" + service + "'")
          .pollInSameThread()
          .pollDelay(Duration.ZERO)
          .pollInterval(PollSchedule.ROUND)
          .atMost(timeout)
          .until(() -> rounds.round(container::current, false));
    } catch (ConditionTimeoutException e) {
      // What the events kept current is enough to decide, not always to explain: a healthcheck
      // that keeps failing while "starting" sends none. Look once more, at the engine's account.
      if (!rounds.round(container::inspect, true)) {
        throw new ServiceFailedException(service, timeoutMessage(started, rounds.lastSeen));
      }
    }
    return new Outcome(Map.copyOf(rounds.held), Instant.now());
  }

  /** The rounds of one wait: what held, what was last seen, when each check is due again. */
  private final class Rounds {
    private final ContainerView container;
    private final Function<ContainerFacts, ProbeTarget> target;
    private final Map<String, Instant> held = new LinkedHashMap<>();
    private final Map<String, String> lastSeen = new LinkedHashMap<>();
    private final Map<String, Integer> attempts = new HashMap<>();
    private final Map<String, Long> due = new HashMap<>();

    Rounds(ContainerView container, Function<ContainerFacts, ProbeTarget> target) {
      this.container = container;
      this.target = target;
    }

    /**
     * One round with the facts {@code facts} gives: whether every condition holds now.
     *
     * @param everyCheck whether to probe every pending check, due or not
     */
    boolean round(Supplier<Optional<ContainerFacts>> facts, boolean everyCheck) {
      ContainerFacts now = facts.get().orElseThrow(ReadinessWaiter.this::removed);
      if (completionIsReadiness) {
        if (now.exited()) {
          if (now.exitCode() != null && now.exitCode() == 0) {
            held.put("completed", Instant.now());
            return true;
          }
          throw exited(now);
        }
        lastSeen.put("completed", "still running");
        return false;
      }
      if (now.exited()) {
        throw exited(now);
      }
      if (!now.running()) {
        lastSeen.put("running", now.status());
        return false;
      }
      ProbeTarget probeTarget = target.apply(now);
      for (ReadinessCheck check : checks) {
        if (held.containsKey(check.name())
            || (!everyCheck && System.nanoTime() - due.getOrDefault(check.name(), 0L) < 0)) {
          continue;
        }
        Probe probe = probe(check, probeTarget);
        int attempt = attempts.merge(check.name(), 1, Integer::sum);
        due.put(check.name(), System.nanoTime() + check.nextProbe(attempt).toNanos());
        if (probe.ready()) {
          held.put(check.name(), Instant.now());
          lastSeen.remove(check.name());
        } else {
          lastSeen.put(check.name(), check.describe(probeTarget) + " -> " + probe.detail());
        }
      }
      return held.keySet().containsAll(checks.stream().map(ReadinessCheck::name).toList());
    }

    private Probe probe(ReadinessCheck check, ProbeTarget probeTarget) {
      try {
        return check.probe(probeTarget);
      } catch (EngineException e) {
        // The container can exit between the inspection and the probe: an exec into it then fails
        // ("No such exec instance"). Say that it exited, not that the engine failed; while it still
        // looks alive, the failure is this round's probe result and the next round looks again.
        Optional<ContainerFacts> now = container.inspect();
        if (now.isEmpty() || now.get().exited()) {
          throw now.map(ReadinessWaiter.this::exited).orElseGet(ReadinessWaiter.this::removed);
        }
        return Probe.notYet(e.getMessage());
      }
    }
  }

  private ServiceFailedException removed() {
    return new ServiceFailedException(
        service,
        "the container of service '" + service + "' was removed while jtest waited for it");
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
}
