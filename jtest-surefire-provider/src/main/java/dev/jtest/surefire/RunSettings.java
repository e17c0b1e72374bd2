package dev.jtest.surefire;

import dev.jtest.settings.CoverageAgents;
import dev.jtest.settings.Settings;
import dev.jtest.settings.Shard;
import dev.jtest.surefire.plan.Distribution;
import dev.jtest.surefire.select.Expression;
import dev.jtest.surefire.select.Selection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code jtest.*} settings of one test run, read from system properties (where Surefire puts
 * the user's {@code -D} options and the extension puts the pom's {@code jtest.*} properties). Each
 * value is parsed by its owner in {@link Settings}, the same parser the build extension checks it
 * with before the build starts.
 *
 * @param workers worker JVMs in the parallel phase (1 in debug mode)
 * @param debugPort the JDWP port of the single debug worker, or 0 when not debugging
 * @param durationsFile where recorded durations are read and written
 * @param shardSetting {@code jtest.shard} as parsed: {@code null}, {@code auto} or {@code I/N}
 * @param shard the shard this run is, empty when it runs every test
 * @param perTestCoverage {@code jtest.coverage.perTest} is on and the services' agents are
 *     listening ({@code jtest:start} wrote their file): one worker, so each test's coverage is its
 *     own
 */
public record RunSettings(
    int workers,
    Distribution distribution,
    String keywordText,
    String markerText,
    Selection selection,
    int debugPort,
    Path durationsFile,
    String shardSetting,
    Optional<Shard> shard,
    boolean perTestCoverage) {

  /**
   * Reads the settings; absent or blank values take their defaults. {@code jtest.shard=auto} reads
   * this process's environment.
   *
   * @param property looks a property up, null when it is not set
   * @param baseDir the project directory: relative paths resolve against it
   * @param processors what {@code jtest.workers=auto} means
   * @throws dev.jtest.settings.InvalidSettingException naming the property and the value at fault
   */
  public static RunSettings read(Function<String, String> property, Path baseDir, int processors) {
    return read(property, System::getenv, baseDir, processors);
  }

  /**
   * Reads the settings as {@link #read(Function, Path, int)} does, with {@code environment} for the
   * CI variables that {@code jtest.shard=auto} reads.
   */
  public static RunSettings read(
      Function<String, String> property,
      Function<String, String> environment,
      Path baseDir,
      int processors) {
    int debugPort = Settings.DEBUG.read(property);
    int workers = Settings.WORKERS.read(property).orElse(Math.max(1, processors));
    Distribution distribution = Distribution.read(property);
    String k = Settings.KEYWORDS.read(property);
    String m = Settings.MARKERS.read(property);
    Selection selection =
        new Selection(
            k == null ? null : Expression.parse(Settings.KEYWORDS.name(), k),
            m == null ? null : Expression.parse(Settings.MARKERS.name(), m));
    Path durationsFile = baseDir.resolve(Settings.DURATIONS.read(property));
    String shardSetting = Settings.SHARD.read(property);
    // In Surefire's unit-test run no stack runs: the unit tests keep their workers.
    boolean perTest =
        Settings.COVERAGE_PER_TEST.read(property)
            && Files.isRegularFile(CoverageAgents.file(Settings.workDirectory(baseDir, property)));
    return new RunSettings(
        debugPort > 0 || perTest ? 1 : workers,
        distribution,
        k,
        m,
        selection,
        debugPort,
        durationsFile,
        shardSetting,
        Shard.resolve(shardSetting, environment),
        perTest);
  }

  /** Reads the settings from a map of properties (for instance the session's). */
  public static RunSettings read(Map<String, String> properties, Path baseDir, int processors) {
    return read(properties::get, baseDir, processors);
  }

  public boolean debugging() {
    return debugPort > 0;
  }
}
