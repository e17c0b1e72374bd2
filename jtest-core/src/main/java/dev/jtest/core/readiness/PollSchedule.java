package dev.jtest.core.readiness;

import java.time.Duration;
import java.util.Set;

/**
 * How soon each readiness check is probed again. Pure.
 *
 * <p>A probe that only asks the service itself (HTTP, TCP) or reads what jtest already holds (the
 * health status the engine's events keep current) runs at a fixed short interval, so that a ready
 * service is seen within it. A probe that costs the engine work (a command run in the container) or
 * grows with the service's output (a log match) backs off from {@link #FIRST} to {@link #MAX}. The
 * interval counts from the end of one probe to the start of the next: a probe that takes long is
 * never issued again while it runs, and each keeps its own timeout.
 */
public final class PollSchedule {

  /** The waiter's round: how often it looks whether a check is due. */
  public static final Duration ROUND = Duration.ofMillis(10);

  /** Between two HTTP, TCP or health status probes. */
  public static final Duration FIXED = Duration.ofMillis(10);

  /** The first interval of a probe that backs off. */
  public static final Duration FIRST = Duration.ofMillis(10);

  /** The longest interval of a probe that backs off. */
  public static final Duration MAX = Duration.ofMillis(100);

  private static final Set<String> FIXED_CHECKS = Set.of("http", "tcp", "healthcheck");

  private PollSchedule() {}

  /** How long after its {@code attempts}-th probe (1 for the first) {@code check} is due again. */
  public static Duration after(String check, int attempts) {
    return FIXED_CHECKS.contains(check) ? FIXED : backingOff(attempts);
  }

  /** The interval after the {@code attempts}-th attempt of something that backs off. */
  public static Duration backingOff(int attempts) {
    Duration delay = FIRST;
    for (int i = 1; i < attempts && delay.compareTo(MAX) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(MAX) < 0 ? delay : MAX;
  }
}
