package dev.jtest.core.services;

import dev.jtest.core.engine.ContainerFacts;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How a service whose container ended while the tests ran is named in the build output. */
final class ServiceExits {

  /** Wall-clock time as a build log shows it. */
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

  private ServiceExits() {}

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
