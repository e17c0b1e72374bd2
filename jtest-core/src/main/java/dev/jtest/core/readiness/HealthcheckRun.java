package dev.jtest.core.readiness;

import dev.jtest.core.compose.ComposeDurations;
import dev.jtest.core.compose.HealthSpec;
import dev.jtest.core.engine.ExecResult;
import java.time.Duration;
import java.util.List;

/**
 * The container's healthcheck, run by jtest itself with exec, for an engine that does not run it
 * (Podman without systemd: its status stays {@code starting}). Judged as Docker judges it: healthy
 * at the first run that exits 0; unhealthy after {@code retries} consecutive failures once {@code
 * start_period} is over, a failure within it not counting; a run that outlasts {@code timeout}
 * fails. The first run is at once, then one every {@code start_interval} during the start period
 * when it is set, else every {@code interval}.
 *
 * <p>Unlike the other checks this one holds state (when it first ran, the failing streak), so the
 * plan makes one per wait.
 */
final class HealthcheckRun implements ReadinessCheck {

  private final HealthSpec health;
  private final List<String> command;
  private long firstRunNanos;
  private boolean ran;
  private int failingStreak;

  HealthcheckRun(HealthSpec health) {
    this.health = health;
    this.command = health.command();
  }

  @Override
  public String name() {
    return "healthcheck";
  }

  @Override
  public String describe(ProbeTarget target) {
    return "the container's healthcheck, run by jtest (" + String.join(" ", command) + ")";
  }

  @Override
  public Probe probe(ProbeTarget target) {
    if (!target.facts().running()) {
      return Probe.notYet("container not running");
    }
    long now = System.nanoTime();
    if (!ran) {
      ran = true;
      firstRunNanos = now;
    }
    Duration timeout = or(health.timeout(), HealthSpec.DEFAULT_TIMEOUT);
    ExecResult result = target.exec(command, timeout);
    if (result.succeeded()) {
      failingStreak = 0;
      return Probe.ready("healthy, exit 0");
    }
    String detail =
        result.exitCode() == null
            ? "timed out after " + ComposeDurations.format(timeout)
            : "exit "
                + result.exitCode()
                + (result.output().isBlank()
                    ? ""
                    : ", \"" + HealthcheckCheck.abbreviate(result.output()) + "\"");
    if (inStartPeriod(now)) {
      return Probe.notYet("starting, last check: " + detail + " (within start_period)");
    }
    failingStreak++;
    int retries = health.retries() == null ? HealthSpec.DEFAULT_RETRIES : health.retries();
    if (failingStreak >= retries) {
      throw new ServiceFailedException(
          target.service(),
          "service '"
              + target.service()
              + "' became unhealthy; last health check: "
              + detail
              + " ("
              + failingStreak
              + " failed in a row, run by jtest as the engine runs no healthchecks)");
    }
    return Probe.notYet(
        "starting, last check: " + detail + " (" + failingStreak + " of " + retries + " retries)");
  }

  /** The healthcheck's own cadence: {@code start_interval} in the start period, else interval. */
  @Override
  public Duration nextProbe(int attempts) {
    if (health.startInterval() != null && inStartPeriod(System.nanoTime())) {
      return health.startInterval();
    }
    return or(health.interval(), HealthSpec.DEFAULT_INTERVAL);
  }

  private boolean inStartPeriod(long nanos) {
    Duration startPeriod = or(health.startPeriod(), Duration.ZERO);
    return nanos - firstRunNanos < startPeriod.toNanos();
  }

  private static Duration or(Duration value, Duration fallback) {
    return value == null ? fallback : value;
  }
}
