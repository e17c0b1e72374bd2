package dev.jtest.surefire.plan;

import dev.jtest.settings.Settings;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * {@code jtest.dist}: how tests are cut into units and handed to workers. Each mode carries both
 * halves, its grouping and its dispatcher, so that the planner and the coordinator cannot disagree
 * about a mode.
 *
 * <p>An item with a {@link TestItem#wholeKey()} always stays with the others of that key (a class
 * that orders its methods, shares one instance, asks for {@code SAME_THREAD}, or holds
 * {@code @Nested} classes), whatever the mode.
 */
public enum Distribution {
  /**
   * One unit per test method, pulled by whichever worker is free, longest known first, in batches
   * of about 1/(2W) of the work still queued.
   */
  LOAD(Distribution::byMethod, Dispatcher::load),
  /** One unit per class: all methods of a class on one worker; pulled one at a time. */
  CLASS(Distribution::byClass, (units, workers) -> Dispatcher.pull(units)),
  /**
   * One unit per source file: a top-level class, its nested classes and the file's other classes on
   * one worker; pulled one at a time.
   */
  MODULE(item -> "module|" + item.moduleKey(), (units, workers) -> Dispatcher.pull(units)),
  /**
   * Per-method units as {@link #LOAD}, assigned in advance by recorded duration to the least-loaded
   * worker, then stolen by workers that run dry.
   */
  FAST(Distribution::byMethod, Dispatcher::fast);

  private final Function<TestItem, String> grouping;
  private final BiFunction<List<WorkUnit>, Integer, Dispatcher> dispatching;

  Distribution(
      Function<TestItem, String> grouping,
      BiFunction<List<WorkUnit>, Integer, Dispatcher> dispatching) {
    this.grouping = grouping;
    this.dispatching = dispatching;
  }

  /**
   * Reads {@code jtest.dist}.
   *
   * @throws dev.jtest.settings.InvalidSettingException naming the value and the modes
   */
  public static Distribution read(Function<String, String> property) {
    return valueOf(Settings.DIST.read(property).toUpperCase(Locale.ROOT));
  }

  /** The key that puts items in the same unit: equal keys, one unit. */
  String groupKey(TestItem item) {
    return grouping.apply(item);
  }

  /**
   * The dispatcher of the parallel phase.
   *
   * @param units the parallel phase's units, as {@link UnitPlanner} cut them for this mode
   * @param workers the workers of the phase, at least 1
   */
  public Dispatcher dispatcher(List<WorkUnit> units, int workers) {
    return dispatching.apply(units, workers);
  }

  /** The mode as users name it. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }

  private static String byMethod(TestItem item) {
    return item.wholeKey() != null ? item.wholeKey() : "item|" + item.id();
  }

  private static String byClass(TestItem item) {
    return item.wholeKey() != null ? item.wholeKey() : "class|" + item.className();
  }
}
