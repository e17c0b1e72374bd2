package dev.jtest.core.services;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jtest.core.compose.DependencyCondition;
import dev.jtest.core.compose.ServiceSpec;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which service heads the longest dependency chain, by the times the last run recorded in {@code
 * readiness.json}, as test durations are kept for the next run's plan. Pure.
 *
 * <p>A chain's length is how long it took from asking the engine to start its first service until
 * its last one was ready: each service's own time (start request to ready), and what waits on it
 * after its start ({@code service_started}) or after its readiness (the other conditions).
 */
final class CriticalChains {

  /**
   * One service's times in the last run, in ms since its start goal began.
   *
   * @param starting when its start was requested
   * @param started when its container had started
   * @param ready when it was ready
   */
  record Recorded(long starting, long started, long ready) {

    /** From the start request to ready: the engine's start and the service's warm-up. */
    long own() {
      return Math.max(0, ready - starting);
    }

    /** From the start request to started: what a {@code service_started} dependant waits. */
    long start() {
      return Math.max(0, started - starting);
    }
  }

  private CriticalChains() {}

  /**
   * The times recorded in a {@code readiness.json}; services with a missing time are left out.
   * Files written before the start request was recorded count from the creation, which then came
   * right before the start.
   */
  static Map<String, Recorded> read(JsonNode readiness) {
    Map<String, Recorded> recorded = new LinkedHashMap<>();
    if (readiness == null) {
      return recorded;
    }
    JsonNode services = readiness.path("services");
    services
        .fields()
        .forEachRemaining(
            entry -> {
              JsonNode times = entry.getValue();
              JsonNode starting =
                  times.hasNonNull("starting") ? times.get("starting") : times.get("created");
              JsonNode started = times.get("started");
              JsonNode ready = times.get("ready");
              if (isNumber(starting) && isNumber(started) && isNumber(ready)) {
                recorded.put(
                    entry.getKey(),
                    new Recorded(starting.asLong(), started.asLong(), ready.asLong()));
              }
            });
    return recorded;
  }

  /**
   * The service to start ahead of the others: the first service of {@code services} (no
   * dependencies, compose file order) whose chain is the longest, by at least its own recorded
   * start (what the others lose by waiting for it). Empty when some service has no recorded time
   * (no earlier run, or the compose file changed since), or when no chain is that much longer than
   * the others: then every service starts as soon as it may.
   */
  static Optional<String> head(Map<String, ServiceSpec> services, Map<String, Recorded> recorded) {
    if (!recorded.keySet().containsAll(services.keySet())) {
      return Optional.empty();
    }
    Map<String, Long> lengths = new HashMap<>();
    String head = null;
    long longest = -1;
    long second = -1;
    for (ServiceSpec spec : services.values()) {
      if (!spec.dependsOn().isEmpty()) {
        continue;
      }
      long length = length(spec.name(), services, recorded, lengths);
      if (length > longest) {
        head = spec.name();
        second = longest;
        longest = length;
      } else if (length > second) {
        second = length;
      }
    }
    // The others lose about the head's start; worth it only when every other chain has that much
    // to spare. Measured on the ready bench (two chains 0.4 s apart, starts of 0.4–0.8 s), a head
    // start without that slack made the stack slower, not faster.
    return head != null && longest - Math.max(second, 0) >= recorded.get(head).start()
        ? Optional.of(head)
        : Optional.empty();
  }

  /** The length of the longest chain that begins with {@code service}, in ms. */
  static long length(
      String service,
      Map<String, ServiceSpec> services,
      Map<String, Recorded> recorded,
      Map<String, Long> known) {
    Long cached = known.get(service);
    if (cached != null) {
      return cached;
    }
    Recorded own = recorded.get(service);
    long length = own.own();
    for (ServiceSpec dependant : services.values()) {
      DependencyCondition condition = dependant.dependsOn().get(service);
      if (condition != null) {
        long gate = condition == DependencyCondition.SERVICE_STARTED ? own.start() : own.own();
        length = Math.max(length, gate + length(dependant.name(), services, recorded, known));
      }
    }
    known.put(service, length);
    return length;
  }

  private static boolean isNumber(JsonNode node) {
    return node != null && node.isNumber();
  }
}
