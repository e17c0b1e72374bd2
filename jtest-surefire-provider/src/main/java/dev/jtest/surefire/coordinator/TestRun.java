package dev.jtest.surefire.coordinator;

import dev.jtest.settings.Keys;
import dev.jtest.settings.Settings;
import dev.jtest.settings.Shard;
import dev.jtest.surefire.JtestRunException;
import dev.jtest.surefire.RunSettings;
import dev.jtest.surefire.plan.Dispatcher;
import dev.jtest.surefire.plan.Durations;
import dev.jtest.surefire.plan.Prediction;
import dev.jtest.surefire.plan.ShardPlanner;
import dev.jtest.surefire.plan.TestItem;
import dev.jtest.surefire.plan.UnitPlanner;
import dev.jtest.surefire.plan.WorkUnit;
import dev.jtest.surefire.worker.WorkerMain;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.surefire.api.booter.ProviderParameterNames;
import org.apache.maven.surefire.api.provider.ProviderParameters;
import org.apache.maven.surefire.api.report.RunMode;
import org.apache.maven.surefire.api.report.TestOutputReportEntry;
import org.apache.maven.surefire.api.report.TestReportListener;
import org.apache.maven.surefire.api.testset.TestListResolver;
import org.apache.maven.surefire.api.util.ScanResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * One run of the jtest provider inside Surefire's fork: discovery, the parallel phase, the serial
 * phase, reruns of failures, then durations, timeline and the console's phase lines.
 */
public final class TestRun {

  /** Surefire's provider property holding JUnit configuration parameters (properties text). */
  private static final String CONFIGURATION_PARAMETERS = "configurationParameters";

  private final ProviderParameters parameters;
  private final SurefireSink sink;

  public TestRun(ProviderParameters parameters, SurefireSink sink) {
    this.parameters = parameters;
    this.sink = sink;
  }

  /** Creates the sink the run reports through; the provider owns the listener. */
  public static SurefireSink sink(TestReportListener<TestOutputReportEntry> listener) {
    return new SurefireSink(listener);
  }

  public void run() throws IOException, InterruptedException {
    if (!parameters.isInsideFork()) {
      throw new JtestRunException(
          "jtest runs tests in worker JVMs started from Surefire's forked JVM, but this run is"
              + " in Maven's own JVM (forkCount=0): remove forkCount (jtest's extension sets"
              + " forkCount=1)");
    }
    Path baseDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    RunSettings settings =
        RunSettings.read(System::getProperty, baseDir, Runtime.getRuntime().availableProcessors());
    JUnitVersions.check();
    if (Shard.AUTO.equals(settings.shardSetting()) && settings.shard().isEmpty()) {
      sink.info(
          "jtest: "
              + Settings.SHARD.name()
              + "=auto, but no CI parallel-job variables are set and no CI is detected: this run"
              + " is not sharded and runs every test");
    }

    Map<String, String> configuration = configurationParameters();
    Path settingsFile = writeWorkerSettings(configuration);
    try (WorkerPool pool =
        new WorkerPool(
            Path.of(System.getProperty("java.home"), "bin", "java"),
            workerJvmOptions(),
            workerClassPath(),
            settingsFile,
            settings.debugPort(),
            sink::console)) {
      // Workers start while the tests are discovered: a JVM and JUnit take a second or two to get
      // going, about as long as discovery. Those the plan does not need are stopped unused.
      for (int w = 1; w <= settings.workers(); w++) {
        pool.start(w);
      }
      if (settings.debugging()) {
        sink.info(
            "jtest: debug worker waits for a debugger on 127.0.0.1:"
                + settings.debugPort()
                + " (jdwp, suspended); test output follows uncaptured");
      }
      long discoveryStart = System.currentTimeMillis();
      List<TestItem> selected = discover(settings, configuration);
      sink.debug(
          "jtest: discovered and planned "
              + selected.size()
              + " tests in "
              + (System.currentTimeMillis() - discoveryStart)
              + " ms");
      if (!selected.isEmpty()) {
        execute(settings, baseDir, selected, pool);
      }
    } finally {
      Files.deleteIfExists(settingsFile);
    }
  }

  /** Finds the tests of this run, says how many -k/-m left out, and fails on none at all. */
  private List<TestItem> discover(RunSettings settings, Map<String, String> configuration) {
    Map<String, String> properties = parameters.getProviderProperties();
    List<String> classNames = scannedClasses(parameters.getScanResult());
    Launcher launcher = LauncherFactory.create();
    Discovery discovery = new Discovery(launcher, parameters.getTestClassLoader(), configuration);
    String groups = properties.get(ProviderParameterNames.GROUPS_PROP);
    String excludedGroups = properties.get(ProviderParameterNames.EXCLUDEDGROUPS_PROP);
    TestPlan plan =
        discovery.discover(
            classNames, groups, excludedGroups, parameters.getTestRequest().getTestListResolver());
    if (!plan.containsTests() && !classNames.isEmpty()) {
      TestPlan unfiltered =
          discovery.discover(classNames, null, null, TestListResolver.getEmptyTestListResolver());
      if (!unfiltered.containsTests()) {
        throw new JtestRunException(noTestsMessage(classNames));
      }
    }
    Discovery.Result found = discovery.items(plan, settings.selection());
    List<TestItem> selected = found.selected();
    int discovered = selected.size() + found.deselected();
    if (settings.selection().isFiltering()) {
      sink.info(
          String.format(
              "jtest: %d of %d tests selected, %d deselected by %s",
              selected.size(), discovered, found.deselected(), filterText(settings)));
      if (selected.isEmpty() && discovered > 0) {
        sink.info("jtest: " + filterText(settings) + " selected none of this run's tests");
      }
    }
    return selected;
  }

  /** The phases, reruns, then durations, timeline and the console's phase lines. */
  private void execute(RunSettings settings, Path baseDir, List<TestItem> selected, WorkerPool pool)
      throws InterruptedException {
    Durations durations = Durations.load(settings.durationsFile(), sink::warning);
    List<WorkUnit> units =
        UnitPlanner.plan(selected, settings.distribution(), i -> durations.estimate(i.id()));
    Shard shard = settings.shard().orElse(null);
    if (shard != null) {
      ShardPlanner.Part part =
          ShardPlanner.partition(units, shard.total(), i -> durations.estimate(i.id()))
              .get(shard.index() - 1);
      sink.info(shardLine(shard, part, units, selected.size()));
      units = part.units();
      selected = units.stream().flatMap(u -> u.items().stream()).toList();
      if (selected.isEmpty()) {
        return; // Fewer units than shards: an empty shard passes, as a run with no tests does.
      }
    }
    List<WorkUnit> parallel = units.stream().filter(u -> !u.serial()).toList();
    List<WorkUnit> serial = units.stream().filter(WorkUnit::serial).toList();
    List<PhaseReport> phases = new ArrayList<>();
    boolean forkTimeout = Settings.FORK_TIMEOUT.read(System::getProperty) > 0;
    Coordinator coordinator = new Coordinator(pool, durations, forkTimeout);
    ReportCollector collector = new ReportCollector(selected, sink);
    if (!parallel.isEmpty()) {
      int workers = Math.min(settings.workers(), parallel.size());
      Dispatcher dispatcher = settings.distribution().dispatcher(parallel, workers);
      phases.add(coordinator.run("parallel", workers, count(parallel), dispatcher, collector));
    }
    if (!serial.isEmpty()) {
      phases.add(
          coordinator.run("serial", 1, count(serial), Dispatcher.inOrder(serial), collector));
    }
    collector.flushAll();
    rerunFailures(coordinator);

    saveDurations(durations, settings, baseDir, selected);
    Path timeline = writeTimeline(baseDir, phases, settings, predicted(parallel, serial, settings));
    for (PhaseReport phase : phases) {
      sink.info(phaseLine(phase, settings, units));
    }
    if (timeline != null) {
      sink.info("jtest timeline: " + timeline);
    }
  }

  /**
   * Saves the recorded durations. A shard leaves the store it planned from as it found it, so that
   * every shard of a build, even run in turn on one machine, plans from the same store; it writes
   * the records of its own tests to a store of its own instead, which {@code mvn jtest:durations
   * -Djtest.merge=…} folds into the shared one.
   */
  private void saveDurations(
      Durations durations, RunSettings settings, Path baseDir, List<TestItem> ran) {
    Path file = settings.durationsFile();
    Durations toSave = durations;
    if (settings.shard().isPresent()) {
      Shard shard = settings.shard().get();
      file =
          Settings.workDirectory(baseDir, System::getProperty)
              .resolve(
                  "durations-"
                      + reportKind()
                      + "-shard-"
                      + shard.index()
                      + "-of-"
                      + shard.total()
                      + ".json");
      Set<String> ids = ran.stream().map(TestItem::id).collect(Collectors.toSet());
      toSave = durations.only(ids);
    }
    try {
      toSave.save(file);
    } catch (IOException e) {
      sink.warning("jtest: cannot write durations to " + file + ": " + e);
    }
  }

  /** The console's one line about this shard: its tests and expected work against the whole. */
  private static String shardLine(
      Shard shard, ShardPlanner.Part part, List<WorkUnit> all, int tests) {
    double total = all.stream().mapToDouble(WorkUnit::estimateMillis).sum();
    return String.format(
        Locale.ROOT,
        "jtest shard %s: %d of %d tests, %d of %d units, expected work %s of %s (parallel %s,"
            + " serial %s)%s",
        shard,
        part.tests(),
        tests,
        part.units().size(),
        all.size(),
        Timeline.seconds(part.millis()),
        Timeline.seconds(total),
        Timeline.seconds(part.parallelMillis()),
        Timeline.seconds(part.serialMillis()),
        part.units().isEmpty() ? ": nothing to run in this shard" : "");
  }

  private void rerunFailures(Coordinator coordinator) throws InterruptedException {
    int reruns = parameters.getTestRequest().getRerunFailingTestsCount();
    for (int round = 0; round < reruns && !coordinator.failing().isEmpty(); round++) {
      Map<String, String> failing = coordinator.failing();
      coordinator.forgetFailures();
      List<TestItem> items = new ArrayList<>();
      failing.forEach(
          (id, topClass) ->
              items.add(new TestItem(id, topClass, topClass, topClass, null, false, id, id)));
      sink.runMode(RunMode.RERUN_TEST_AFTER_FAILURE);
      ReportCollector collector = new ReportCollector(items, sink);
      WorkUnit unit = new WorkUnit(0, items, false, 0);
      coordinator.run("rerun", 1, items.size(), Dispatcher.inOrder(List.of(unit)), collector);
      collector.flushAll();
    }
  }

  private static int count(List<WorkUnit> units) {
    return units.stream().mapToInt(u -> u.items().size()).sum();
  }

  private static String phaseLine(PhaseReport phase, RunSettings settings, List<WorkUnit> units) {
    long unitCount =
        units.stream().filter(u -> u.serial() == phase.name().equals("serial")).count();
    String line =
        String.format(
            Locale.ROOT,
            "jtest %s phase: %d worker%s, %d tests in %d units (jtest.dist=%s), %s",
            phase.name(),
            phase.workers(),
            phase.workers() == 1 ? "" : "s",
            phase.tests(),
            unitCount,
            settings.distribution(),
            Timeline.seconds(phase.wallMillis()));
    if (phase.name().equals("parallel")) {
      line +=
          String.format(
              Locale.ROOT,
              ", makespan %s, lower bound %s, efficiency %.0f %%",
              Timeline.seconds(phase.makespan()),
              Timeline.seconds(phase.lowerBound()),
              100 * phase.efficiency());
    }
    return line;
  }

  /**
   * What the plan expects each phase to take, recorded in the timeline for {@code jtest:timeline}.
   */
  private static Map<String, Double> predicted(
      List<WorkUnit> parallel, List<WorkUnit> serial, RunSettings settings) {
    List<Double> estimates = parallel.stream().map(WorkUnit::estimateMillis).toList();
    return Map.of(
        "parallel",
        Prediction.makespan(estimates, Math.min(settings.workers(), Math.max(1, parallel.size()))),
        "serial",
        serial.stream().mapToDouble(WorkUnit::estimateMillis).sum());
  }

  private Path writeTimeline(
      Path baseDir, List<PhaseReport> phases, RunSettings settings, Map<String, Double> predicted) {
    if (phases.isEmpty()) {
      return null;
    }
    Path dir = Settings.workDirectory(baseDir, System::getProperty);
    String kind = reportKind();
    try {
      Path timeline = dir.resolve("timeline.html");
      String title =
          kind
              + ", jtest.dist="
              + settings.distribution()
              + settings.shard().map(s -> ", shard " + s).orElse("");
      Timeline.write(timeline, title, phases);
      Timeline.write(dir.resolve("timeline-" + kind + ".html"), title, phases);
      Timeline.writeJson(dir.resolve("timeline-" + kind + ".json"), title, phases, predicted);
      return timeline;
    } catch (IOException e) {
      sink.warning("jtest: cannot write the timeline to " + dir + ": " + e);
      return null;
    }
  }

  /** {@code failsafe} or {@code surefire}: which plugin runs this fork, for file names. */
  private String reportKind() {
    return parameters
            .getReporterConfiguration()
            .getReportsDirectory()
            .getName()
            .contains("failsafe")
        ? "failsafe"
        : "surefire";
  }

  private static String filterText(RunSettings settings) {
    List<String> parts = new ArrayList<>();
    if (settings.keywordText() != null) {
      parts.add(Settings.KEYWORDS.name() + "=\"" + settings.keywordText() + "\"");
    }
    if (settings.markerText() != null) {
      parts.add(Settings.MARKERS.name() + "=\"" + settings.markerText() + "\"");
    }
    return String.join(" and ", parts);
  }

  private static String noTestsMessage(List<String> classNames) {
    List<String> shown = classNames.subList(0, Math.min(5, classNames.size()));
    return "jtest: "
        + classNames.size()
        + " class(es) match this run's includes ("
        + String.join(", ", shown)
        + (classNames.size() > shown.size() ? ", …" : "")
        + ") but the JUnit Platform discovered no test in them. Are they JUnit Jupiter tests, with"
        + " junit-jupiter (5.10 or newer, or 6.x) among the test dependencies? JUnit 4 tests need"
        + " junit-vintage-engine. Refusing to report 'Tests run: 0' as a success.";
  }

  private static List<String> scannedClasses(ScanResult scan) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < scan.size(); i++) {
      names.add(scan.getClassName(i));
    }
    return names;
  }

  private Map<String, String> configurationParameters() throws IOException {
    Map<String, String> configuration = new HashMap<>();
    String text = parameters.getProviderProperties().get(CONFIGURATION_PARAMETERS);
    if (text != null) {
      Properties properties = new Properties();
      properties.load(new StringReader(text));
      properties
          .stringPropertyNames()
          .forEach(k -> configuration.put(k, properties.getProperty(k)));
    }
    return configuration;
  }

  /**
   * The fork's own system properties and the JUnit parameters, for the workers to load.
   *
   * @throws JtestRunException when the temporary file cannot be written
   */
  private static Path writeWorkerSettings(Map<String, String> configuration) {
    Properties settings = new Properties();
    for (String key : System.getProperties().stringPropertyNames()) {
      if (!isJdkProperty(key) && !key.equals(Keys.WORKER)) {
        settings.setProperty(WorkerMain.SYSTEM_PREFIX + key, System.getProperty(key));
      }
    }
    configuration.forEach((k, v) -> settings.setProperty(WorkerMain.CONFIG_PREFIX + k, v));
    Path file = null;
    try {
      file = Files.createTempFile("jtest-worker", ".properties");
      try (OutputStream out = Files.newOutputStream(file)) {
        settings.store(out, "jtest worker settings");
      }
      return file;
    } catch (IOException e) {
      throw new JtestRunException(
          "cannot write the worker JVMs' settings to "
              + (file != null ? file : "a file in " + System.getProperty("java.io.tmpdir"))
              + " ("
              + e
              + "): check that the temporary directory (java.io.tmpdir) is writable and not full",
          e);
    }
  }

  private static boolean isJdkProperty(String key) {
    for (String prefix :
        List.of(
            "java.", "jdk.", "sun.", "os.", "user.", "file.", "native.", "stdout.", "stderr.")) {
      if (key.startsWith(prefix)) {
        return true;
      }
    }
    return key.equals("line.separator") || key.equals("path.separator");
  }

  /**
   * The fork's real class path: Surefire sets {@code java.class.path} to the test class path for
   * the tests' sake and keeps the one the JVM started with (its booter jar, which also lists the
   * provider) in {@code surefire.real.class.path}.
   */
  private static String workerClassPath() {
    String real = System.getProperty("surefire.real.class.path");
    return real != null ? real : System.getProperty("java.class.path");
  }

  /** The fork's JVM options (argLine, agents such as JaCoCo's) less any debug agent. */
  private static List<String> workerJvmOptions() {
    List<String> options = new ArrayList<>();
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      boolean debugAgent =
          option.startsWith("-agentlib:jdwp")
              || option.startsWith("-Xrunjdwp")
              || option.equals("-Xdebug");
      if (!debugAgent && !option.startsWith("-D" + Keys.WORKER + "=")) {
        options.add(option);
      }
    }
    return options;
  }
}
