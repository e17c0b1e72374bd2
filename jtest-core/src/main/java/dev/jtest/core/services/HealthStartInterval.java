package dev.jtest.core.services;

import dev.jtest.core.compose.ComposeModel;
import dev.jtest.core.compose.ServiceSpec;
import dev.jtest.core.engine.Engine;
import java.util.List;
import java.util.Optional;

/**
 * What the engine does with healthchecks, said once per run. Podman runs none without systemd, so
 * jtest runs them itself (and applies {@code start_interval} as it does). Docker applies {@code
 * healthcheck.start_interval} only from its API 1.44 (Docker 25): an older engine ignores the
 * field, so its healthcheck runs at {@code interval} from the start, and a service with a long
 * interval is found healthy later than the file intends.
 */
final class HealthStartInterval {

  /** The first engine API version with {@code StartInterval}. */
  static final String SINCE = "1.44";

  private HealthStartInterval() {}

  /**
   * The one info line saying that an engine runs no healthchecks (Podman without systemd), so jtest
   * runs them itself; empty on an engine that runs them.
   */
  static Optional<String> runByJtest(Engine engine) {
    if (engine.info().runsHealthchecks()) {
      return Optional.empty();
    }
    return Optional.of(
        engine.info().product()
            + " runs healthchecks only through systemd timers: jtest runs each service's"
            + " healthcheck itself (exec), at its start_interval and interval, and judges it as"
            + " Docker does");
  }

  /**
   * The one info line saying that {@code engine} does not apply the {@code start_interval} of
   * {@code model}'s services; empty when none has one, or the engine applies it. Asks the engine
   * its version only when a service has one.
   */
  static Optional<String> unsupported(ComposeModel model, Engine engine) {
    List<String> services =
        model.services().values().stream()
            .filter(s -> s.healthcheck() != null && s.healthcheck().startInterval() != null)
            .map(ServiceSpec::name)
            .toList();
    if (services.isEmpty()) {
      return Optional.empty();
    }
    String api = engine.info().apiVersion();
    if (atLeast(api, SINCE) || !engine.info().runsHealthchecks()) {
      // An engine that runs no healthchecks leaves them to jtest, which applies start_interval.
      return Optional.empty();
    }
    return Optional.of(
        "healthcheck.start_interval of "
            + String.join(", ", services)
            + " is not applied: the engine speaks API "
            + api
            + " and start_interval needs "
            + SINCE
            + " (Docker 25); its healthcheck runs every 'interval' from the start");
  }

  /** Whether API version {@code version} ({@code 1.41}) is {@code since} or later. */
  static boolean atLeast(String version, String since) {
    int[] have = parse(version);
    int[] need = parse(since);
    return have[0] != need[0] ? have[0] > need[0] : have[1] >= need[1];
  }

  private static int[] parse(String version) {
    String[] parts = version == null ? new String[0] : version.trim().split("\\.");
    int[] numbers = new int[2];
    for (int i = 0; i < 2 && i < parts.length; i++) {
      try {
        numbers[i] = Integer.parseInt(parts[i]);
      } catch (NumberFormatException e) {
        numbers[i] = 0;
      }
    }
    return numbers;
  }
}
