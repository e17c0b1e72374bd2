package dev.jtest.core.compose;

import java.time.Duration;
import java.util.List;

/**
 * A compose healthcheck. {@code null} fields keep the engine's defaults.
 *
 * @param test {@code ["CMD", args…]}, {@code ["CMD-SHELL", command]} or {@code ["NONE"]}
 * @param startInterval the interval during {@code startPeriod} (engine API 1.44 and later)
 */
public record HealthSpec(
    List<String> test,
    Duration interval,
    Duration timeout,
    Duration startPeriod,
    Integer retries,
    Duration startInterval) {

  /** A healthcheck without {@code start_interval}. */
  public HealthSpec(
      List<String> test,
      Duration interval,
      Duration timeout,
      Duration startPeriod,
      Integer retries) {
    this(test, interval, timeout, startPeriod, retries, null);
  }

  /** Docker's defaults for fields a healthcheck leaves out. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_RETRIES = 3;

  /** Whether this turns the image's healthcheck off ({@code disable: true} or {@code NONE}). */
  public boolean disabled() {
    return !test.isEmpty() && "NONE".equals(test.get(0));
  }

  /**
   * The command this healthcheck runs in the container, as the engine runs it: {@code CMD} its
   * arguments, {@code CMD-SHELL} its string through {@code /bin/sh -c}; a test without either word
   * is a shell command, as a compose string is.
   *
   * @throws IllegalStateException for a disabled healthcheck, which runs nothing
   */
  public List<String> command() {
    if (test.isEmpty() || disabled()) {
      throw new IllegalStateException("a disabled healthcheck runs no command");
    }
    return switch (test.get(0)) {
      case "CMD" -> List.copyOf(test.subList(1, test.size()));
      case "CMD-SHELL" -> List.of("/bin/sh", "-c", String.join(" ", test.subList(1, test.size())));
      default -> List.of("/bin/sh", "-c", String.join(" ", test));
    };
  }

  /** How long the engine may take at most to call the service unhealthy. */
  public Duration worstCase() {
    Duration interval = this.interval == null ? DEFAULT_INTERVAL : this.interval;
    Duration timeout = this.timeout == null ? DEFAULT_TIMEOUT : this.timeout;
    int retries = this.retries == null ? DEFAULT_RETRIES : this.retries;
    Duration start = startPeriod == null ? Duration.ZERO : startPeriod;
    return start.plus(interval.plus(timeout).multipliedBy(retries));
  }
}
