package dev.jtest.core.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code target/jtest/readiness.json}: when each service was created, asked to start, started and
 * ready, and when each of its conditions first held, in milliseconds since the start goal began;
 * and when the steps before the first container ended ({@code phases}), with the moment the goal
 * began ({@code began}), so that a benchmark can place them on its own clock.
 */
final class ReadinessReport {

  private ReadinessReport() {}

  /**
   * Writes the report.
   *
   * @param origin when the start goal began
   * @param ready when the last service was ready
   * @param phases when each step before the first container ended, by name
   * @throws StackFileException when the file cannot be written
   */
  static void write(
      Path file,
      Instant origin,
      Collection<ServiceRuntime> services,
      Instant ready,
      Map<String, Instant> phases) {
    Map<String, Object> report = new LinkedHashMap<>();
    Map<String, Object> byService = new LinkedHashMap<>();
    for (ServiceRuntime service : services) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("created", millis(origin, service.created()));
      entry.put("starting", millis(origin, service.starting()));
      entry.put("started", millis(origin, service.startedAt()));
      entry.put("ready", millis(origin, service.readyAt()));
      Map<String, Object> conditions = new LinkedHashMap<>();
      service.conditions().forEach((name, at) -> conditions.put(name, millis(origin, at)));
      entry.put("conditions", conditions);
      byService.put(service.name(), entry);
    }
    report.put("services", byService);
    report.put("ready", millis(origin, ready));
    report.put("began", origin.toString());
    Map<String, Object> steps = new LinkedHashMap<>();
    phases.forEach((name, at) -> steps.put(name, millis(origin, at)));
    services.stream()
        .map(ServiceRuntime::created)
        .filter(Objects::nonNull)
        .min(Comparator.naturalOrder())
        .ifPresent(first -> steps.put("firstCreated", millis(origin, first)));
    report.put("phases", steps);
    try {
      Files.createDirectories(file.getParent());
      StackState.JSON.writeValue(file.toFile(), report);
    } catch (IOException e) {
      throw new StackFileException(file, e);
    }
  }

  private static Long millis(Instant origin, Instant at) {
    return at == null ? null : Duration.between(origin, at).toMillis();
  }
}
