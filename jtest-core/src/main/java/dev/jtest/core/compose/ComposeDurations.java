package dev.jtest.core.compose;

import dev.jtest.core.ConfigurationException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compose's durations, which are Go's: {@code 1m30s}, {@code 500ms}, {@code 1.5s}, {@code 2h}. */
public final class ComposeDurations {

  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");
  private static final Map<String, BigDecimal> NANOS =
      Map.of(
          "ns", BigDecimal.ONE,
          "us", BigDecimal.valueOf(1_000),
          "µs", BigDecimal.valueOf(1_000),
          "ms", BigDecimal.valueOf(1_000_000),
          "s", BigDecimal.valueOf(1_000_000_000L),
          "m", BigDecimal.valueOf(60_000_000_000L),
          "h", BigDecimal.valueOf(3_600_000_000_000L));

  private ComposeDurations() {}

  /**
   * Parses {@code text}.
   *
   * @param where the key's place, for the message ("docker-compose.yml:12: healthcheck.interval")
   * @throws ConfigurationException when {@code text} is not a duration
   */
  public static Duration parse(String text, String where) {
    String value = text == null ? "" : text.trim();
    if (value.equals("0")) {
      return Duration.ZERO;
    }
    Matcher matcher = PART.matcher(value);
    BigDecimal nanos = BigDecimal.ZERO;
    int position = 0;
    while (position < value.length() && matcher.find(position) && matcher.start() == position) {
      nanos = nanos.add(new BigDecimal(matcher.group(1)).multiply(NANOS.get(matcher.group(2))));
      position = matcher.end();
    }
    if (value.isEmpty() || position != value.length()) {
      String hint =
          value.matches("\\d+(\\.\\d+)?")
              ? "add a unit, e.g. '" + value + "s'"
              : "use e.g. '10s', '1m30s' or '500ms'";
      throw new ConfigurationException(
          where + ": '" + text + "' is not a duration: " + hint + " (units: ns, us, ms, s, m, h)");
    }
    return Duration.ofNanos(nanos.longValueExact());
  }

  /** Formats {@code duration} as compose would write it, e.g. {@code 1m30s}, {@code 250ms}. */
  public static String format(Duration duration) {
    if (duration.isZero()) {
      return "0s";
    }
    if (duration.toMillis() < 1000) {
      return duration.toMillis() + "ms";
    }
    StringBuilder out = new StringBuilder();
    long hours = duration.toHours();
    long minutes = duration.toMinutesPart();
    double seconds = duration.toSecondsPart() + duration.toMillisPart() / 1000.0;
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (minutes > 0) {
      out.append(minutes).append('m');
    }
    if (seconds > 0) {
      out.append(
              seconds == Math.floor(seconds)
                  ? String.valueOf((long) seconds)
                  : String.valueOf(seconds))
          .append('s');
    }
    return out.toString();
  }
}
