package dev.jtest.core.services;

import dev.jtest.core.compose.ComposeModel;
import dev.jtest.core.engine.ContainerFacts;
import dev.jtest.core.engine.Engine;
import dev.jtest.core.engine.EngineException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The services whose container ended while the tests ran, found on the engine and named in the
 * build output once each.
 */
final class ServiceExits {

  /** Wall-clock time as a build log shows it. */
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

  private final Engine engine;
  private final ComposeModel model;
  private final Collection<ServiceRuntime> services;
  private final BooleanSupplier removing;
  private final StackListener listener;
  private final RunEvents events;
  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  /**
   * @param removing whether the stack is being removed, so that its services' exits are jtest's
   */
  ServiceExits(
      Engine engine,
      ComposeModel model,
      Collection<ServiceRuntime> services,
      BooleanSupplier removing,
      StackListener listener,
      RunEvents events) {
    this.engine = engine;
    this.model = model;
    this.services = services;
    this.removing = removing;
    this.listener = listener;
    this.events = events;
  }

  /**
   * Warns, once per service, about each service whose container no longer runs; one-shot services,
   * awaited for their completion, are not counted.
   *
   * @param readyAt when the stack was ready, or {@code null} when unknown
   * @return the names of the services found not running, in compose file order
   */
  List<String> report(Instant readyAt) {
    List<String> exited = new ArrayList<>();
    for (ServiceRuntime service : services) {
      if (service.containerId() == null || ReadinessPlan.isOneShot(model, service.name())) {
        continue;
      }
      Optional<ContainerFacts> facts = events.known(service.containerId());
      try {
        // The engine's events say which containers still run; only the others are inspected.
        if (facts.isEmpty() || facts.get().exited()) {
          facts = engine.inspect(service.containerId());
        }
      } catch (EngineException e) {
        // Only a diagnosis: it must never keep the stack from being stopped.
        listener.detail(service.name() + ": cannot inspect its container: " + e.getMessage());
        continue;
      }
      if (removing.getAsBoolean()) {
        return List.of(); // being removed (Ctrl-C, say): jtest stops them itself
      }
      if (facts.isPresent() && !facts.get().exited()) {
        continue;
      }
      exited.add(service.name());
      if (reported.add(service.name())) {
        String what =
            facts.isPresent()
                ? describe(service.name(), facts.get(), readyAt, ZoneId.systemDefault())
                : "service '" + service.name() + "': its container was removed while the tests ran";
        listener.warn(what + "; its log: " + service.log().file());
      }
    }
    return exited;
  }

  /**
   * One line: service, exit code, out of memory, when it ended (in {@code zone}) and how long after
   * the stack was ready ({@code readyAt}, null when unknown).
   */
  static String describe(String service, ContainerFacts facts, Instant readyAt, ZoneId zone) {
    StringBuilder text =
        new StringBuilder("service '" + service + "' exited with code " + facts.exitCode());
    if (facts.oomKilled()) {
      text.append(" (killed: out of memory)");
    }
    Instant finished = facts.finishedAt();
    if (finished != null) {
      text.append(" at ").append(CLOCK.format(finished.atZone(zone)));
      if (readyAt != null) {
        text.append(
            String.format(
                Locale.ROOT,
                " (%.1f s after the stack was ready)",
                Duration.between(readyAt, finished).toMillis() / 1000.0));
      }
    }
    return text.append(" while the tests ran").toString();
  }
}
