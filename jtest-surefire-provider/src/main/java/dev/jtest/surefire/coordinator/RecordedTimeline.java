package dev.jtest.surefire.coordinator;

import dev.jtest.settings.Json;
import dev.jtest.surefire.JtestRunException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A timeline as a test run wrote it ({@code target/jtest/timeline-surefire.json} or {@code
 * -failsafe.json}), read back to be drawn with the other shards' in one picture.
 *
 * @param name what the picture calls it: the shard, or the file it came from
 * @param title the run's own title, e.g. {@code surefire, jtest.dist=load}
 */
public record RecordedTimeline(String name, String title, List<Phase> phases) {

  /** The value of the file's {@code format} key. */
  public static final String FORMAT = "jtest-timeline/1";

  /**
   * One phase as it ran.
   *
   * @param predictedMillis what the plan expected it to take; NaN when the file does not say (a run
   *     of a jtest that did not record it)
   */
  public record Phase(
      String name,
      int workers,
      int tests,
      long makespanMillis,
      long wallMillis,
      double predictedMillis,
      List<Bar> bars) {

    public Phase {
      bars = List.copyOf(bars);
    }

    /** From its first test's start to its last test's end: the time the plan predicts. */
    public long testMillis() {
      long start = bars.stream().mapToLong(Bar::start).min().orElse(0);
      return bars.stream().mapToLong(Bar::end).max().orElse(start) - start;
    }
  }

  /** One test on one worker, in epoch milliseconds. */
  public record Bar(int worker, String test, long start, long end, String outcome) {}

  public RecordedTimeline {
    phases = List.copyOf(phases);
  }

  /**
   * What the run's tests took: each phase from its first test to its last, the phases one after the
   * other. Comparable with {@link #predictedMillis}, which knows nothing of JVMs starting.
   */
  public long actualMillis() {
    return phases.stream().mapToLong(Phase::testMillis).sum();
  }

  /** What the run took, workers starting included: its phases' wall times added up. */
  public long wallMillis() {
    return phases.stream().mapToLong(Phase::wallMillis).sum();
  }

  /** What the plan expected the run to take, when every phase recorded it. */
  public OptionalDouble predictedMillis() {
    if (phases.isEmpty() || phases.stream().anyMatch(p -> Double.isNaN(p.predictedMillis()))) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(phases.stream().mapToDouble(Phase::predictedMillis).sum());
  }

  /** The tests the run ran, over all phases. */
  public int tests() {
    return phases.stream().mapToInt(Phase::tests).sum();
  }

  /** The earliest start of a test, the origin of the run's own time axis. */
  public long start() {
    return phases.stream().flatMap(p -> p.bars().stream()).mapToLong(Bar::start).min().orElse(0);
  }

  /**
   * Reads a timeline file's text.
   *
   * @param name what the picture will call it
   * @param source where the text came from, for the message
   * @throws JtestRunException when the text is not a jtest timeline
   */
  public static RecordedTimeline parse(String name, String source, String json) {
    Object root;
    try {
      root = Json.parse(json);
    } catch (Json.MalformedJsonException e) {
      throw notATimeline(source, e.getMessage());
    }
    if (!(root instanceof Map<?, ?> map) || !FORMAT.equals(map.get("format"))) {
      throw notATimeline(source, "no \"format\": \"" + FORMAT + "\"");
    }
    List<Phase> phases = new ArrayList<>();
    for (Object p : list(map.get("phases"))) {
      Map<?, ?> phase = object(p, source);
      List<Bar> bars = new ArrayList<>();
      for (Object b : list(phase.get("bars"))) {
        Map<?, ?> bar = object(b, source);
        bars.add(
            new Bar(
                (int) number(bar, "worker", source),
                String.valueOf(bar.get("test")),
                (long) number(bar, "start", source),
                (long) number(bar, "end", source),
                String.valueOf(bar.get("outcome"))));
      }
      phases.add(
          new Phase(
              String.valueOf(phase.get("name")),
              (int) number(phase, "workers", source),
              (int) number(phase, "tests", source),
              (long) number(phase, "makespanMillis", source),
              (long) number(phase, "wallMillis", source),
              phase.get("predictedMillis") instanceof Double d ? d : Double.NaN,
              bars));
    }
    return new RecordedTimeline(name, String.valueOf(map.get("title")), phases);
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> list ? list : List.of();
  }

  private static Map<?, ?> object(Object value, String source) {
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    throw notATimeline(source, "a phase or bar is not an object");
  }

  private static double number(Map<?, ?> map, String key, String source) {
    if (map.get(key) instanceof Double d) {
      return d;
    }
    throw notATimeline(source, "\"" + key + "\" is missing or not a number");
  }

  private static JtestRunException notATimeline(String source, String why) {
    return new JtestRunException(
        source
            + " is not a jtest timeline ("
            + why
            + "): name the timeline-*.json files a run wrote");
  }
}
