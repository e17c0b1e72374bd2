package dev.jtest.surefire.coordinator;

import dev.jtest.settings.Keys;
import dev.jtest.settings.ServiceLogFiles;
import dev.jtest.settings.Settings;
import dev.jtest.settings.Shard;
import dev.jtest.surefire.JtestRunException;
import dev.jtest.surefire.RunSettings;
import dev.jtest.surefire.plan.Dispatcher;
import dev.jtest.surefire.plan.Durations;
import dev.jtest.surefire.plan.Prediction;
import dev.jtest.surefire.plan.TestItem;
import dev.jtest.surefire.plan.UnitPlanner;
import dev.jtest.surefire.plan.WorkUnit;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;
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

    if (settings.perTestCoverage()) {
      sink.info(
          "jtest: per-test coverage ("
              + Settings.COVERAGE_PER_TEST.name()
              + "): 1 worker, so that what each test ran is its own");
    }
    Map<String, String> configuration = configurationParameters();
    // One worker needs no JVM of its own: it runs in this fork, as Surefire's own provider does.
    // A debugger attaches to a worker JVM started for it.
    boolean inFork = settings.workers() == 1 && !settings.debugging();
    Path settingsFile = inFork ? null : WorkerJvm.writeSettings(configuration);
    try (ClassDataArchive archive =
            inFork
                ? ClassDataArchive.none(WorkerJvm.classPath(), WorkerJvm.options())
                : WorkerJvm.archive(baseDir, sink::debug);
        WorkerPool pool =
            new WorkerPool(
                Path.of(System.getProperty("java.home"), "bin", "java"),
                archive.options(),
                archive.classPath(),
                settingsFile,
                settings.debugPort(),
                sink::console,
                inFork)) {
      if (inFork) {
        System.setProperty(Keys.WORKER, "1");
        pool.serveInFork(configuration, () -> coordinate(settings, baseDir, configuration, pool));
      } else {
        coordinate(settings, baseDir, configuration, pool);
      }
    } finally {
      if (settingsFile != null) {
        Files.deleteIfExists(settingsFile);
      }
    }
  }

  /** Starts the workers, discovers the tests meanwhile, and runs them. */
  private void coordinate(
      RunSettings settings, Path baseDir, Map<String, String> configuration, WorkerPool pool)
      throws InterruptedException {
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
    List<TestItem> selected = discover(settings, baseDir, configuration);
    sink.debug(
        "jtest: discovered and planned "
            + selected.size()
            + " tests in "
            + (System.currentTimeMillis() - discoveryStart)
            + " ms");
    if (!selected.isEmpty()) {
      execute(settings, baseDir, selected, pool);
    }
  }

  /**
   * Finds the tests of this run, says how many -k/-m and -Djtest.affected left out, and fails on
   * none at all.
   */
  private List<TestItem> discover(
      RunSettings settings, Path baseDir, Map<String, String> configuration)
      throws InterruptedException {
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
    return AffectedScope.select(selected, System::getProperty, baseDir, sink::info, sink::warning);
  }

  /** The phases, reruns, then durations, timeline and the console's phase lines. */
  private void execute(RunSettings settings, Path baseDir, List<TestItem> selected, WorkerPool pool)
      throws InterruptedException {
    Durations durations = Durations.load(settings.durationsFile(), sink::warning);
    List<WorkUnit> units =
        UnitPlanner.plan(selected, settings.distribution(), i -> durations.estimate(i.id()));
    ShardScope shard = null;
    if (settings.shard().isPresent()) {
      shard = ShardScope.of(settings.shard().get(), units, selected.size(), durations);
      sink.info(shard.line());
      units = shard.units();
      selected = shard.tests();
      if (selected.isEmpty()) {
        return; // Fewer units than shards: an empty shard passes, as a run with no tests does.
      }
    }
    List<WorkUnit> parallel = units.stream().filter(u -> !u.serial()).toList();
    List<WorkUnit> serial = units.stream().filter(WorkUnit::serial).toList();
    List<PhaseReport> phases = new ArrayList<>();
    boolean forkTimeout = Settings.FORK_TIMEOUT.read(System::getProperty) > 0;
    Coordinator coordinator = new Coordinator(pool, durations, forkTimeout);
    Path workDirectory = Settings.workDirectory(baseDir, System::getProperty);
    // Only a project whose services log gets slices to hold failed classes back for.
    boolean sliced = Files.isDirectory(workDirectory.resolve(ServiceLogFiles.DIRECTORY));
    ReportCollector collector = new ReportCollector(selected, sink, sliced);
    if (!parallel.isEmpty()) {
      int workers = Math.min(settings.workers(), parallel.size());
      Dispatcher dispatcher = settings.distribution().dispatcher(parallel, workers);
      phases.add(coordinator.run("parallel", workers, count(parallel), dispatcher, collector));
    }
    if (!serial.isEmpty()) {
      phases.add(
          coordinator.run("serial", 1, count(serial), Dispatcher.inOrder(serial), collector));
    }
    Map<String, Integer> sliceNames = new HashMap<>();
    List<FailureContext.Slice> slices =
        new ArrayList<>(
            reportFailureContext(baseDir, workDirectory, phases, sliceNames, collector));
    collector.flushAll();
    List<PhaseReport> reruns =
        rerunFailures(coordinator, baseDir, workDirectory, sliced, sliceNames, slices);

    saveDurations(durations, settings, baseDir, shard, selected);
    Set<String> flaky = reportFlaky(workDirectory, coordinator.attempts());
    Path timeline =
        writeTimeline(
            workDirectory,
            phases,
            reruns,
            slices,
            flaky,
            settings,
            predicted(parallel, serial, settings));
    for (PhaseReport phase : phases) {
      sink.info(phaseLine(phase, settings, units));
    }
    if (timeline != null) {
      sink.info("jtest timeline: " + timeline);
    }
  }

  /**
   * Writes, for each failed test of {@code phases}, what the services logged while it ran, adds it
   * to the test's output in its report, and names the file with its last lines on the console.
   * Waits, at most the margin, for lines the services logged just after the last failed test ended,
   * which the log follower may still be writing.
   *
   * @param names the slices' file names so far, shared by every phase and rerun of the run
   */
  private List<FailureContext.Slice> reportFailureContext(
      Path baseDir,
      Path dir,
      List<PhaseReport> phases,
      Map<String, Integer> names,
      ReportCollector collector) {
    long lastFailure =
        phases.stream()
            .flatMap(p -> p.bars().stream())
            .filter(FailureContext::failed)
            .mapToLong(PhaseReport.Bar::end)
            .max()
            .orElse(0);
    if (lastFailure == 0 || !Files.isDirectory(dir.resolve(ServiceLogFiles.DIRECTORY))) {
      return List.of(); // nothing failed, or no service logged for this project
    }
    long wait = lastFailure + FailureContext.MARGIN_MILLIS + 200 - System.currentTimeMillis();
    try {
      if (wait > 0) {
        Thread.sleep(Math.min(wait, 2 * FailureContext.MARGIN_MILLIS));
      }
      List<FailureContext.Slice> slices = FailureContext.write(dir, phases, names);
      for (FailureContext.Slice slice : slices) {
        if (slice.test().id() != null) {
          collector.attach(slice.test().id(), slice.reportText(baseDir.toAbsolutePath()));
        }
        sink.info(
            "jtest: "
                + slice.test().label()
                + " failed; its services logged "
                + slice.lines()
                + " line(s) while it ran: "
                + slice.file()
                + (slice.alongside().isEmpty()
                    ? ""
                    : " (with lines of " + slice.alongside().size() + " test(s) run alongside)"));
        slice.excerpt().forEach(line -> sink.info("jtest:   | " + line));
      }
      return slices;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      sink.warning("jtest: cannot write what the services logged during failed tests: " + e);
    }
    return List.of();
  }

  /**
   * Names each flaky test on the console with its failed attempts' messages, as a warning as stock
   * Surefire's "Flakes:" list is, and writes {@code flaky.json}.
   *
   * @return the unique ids of the flaky tests
   */
  private Set<String> reportFlaky(Path workDirectory, List<FlakyTests.Attempt> attempts) {
    List<FlakyTests.Flaky> flaky = FlakyTests.find(attempts);
    Set<String> ids = new HashSet<>();
    for (FlakyTests.Flaky test : flaky) {
      ids.add(test.id());
      sink.warning(
          "jtest: flaky test "
              + test.label()
              + ": passed on attempt "
              + test.attempts()
              + " after "
              + test.failures().size()
              + " failed: "
              + String.join(" | ", test.failures()));
    }
    Path file = workDirectory.resolve(FlakyTests.FILE);
    try {
      FlakyTests.write(workDirectory, flaky);
      if (!flaky.isEmpty()) {
        sink.warning("jtest: " + flaky.size() + " flaky test(s) listed in " + file);
      }
    } catch (IOException e) {
      sink.warning("jtest: cannot write " + file + ": " + e);
    }
    return ids;
  }

  /** Saves the recorded durations: a shard's own, else the shared store. */
  private void saveDurations(
      Durations durations,
      RunSettings settings,
      Path baseDir,
      ShardScope shard,
      List<TestItem> ran) {
    Path file =
        shard == null
            ? settings.durationsFile()
            : shard.durationsFile(
                Settings.workDirectory(baseDir, System::getProperty), reportKind());
    Durations toSave = shard == null ? durations : shard.ownDurations(durations, ran);
    try {
      toSave.save(file);
    } catch (IOException e) {
      sink.warning("jtest: cannot write durations to " + file + ": " + e);
    }
  }

  /**
   * Runs the failed tests again, {@code rerunFailingTestsCount} times at most, each round's
   * failures with their own slices.
   *
   * @return the rounds' phases, for the timeline
   */
  private List<PhaseReport> rerunFailures(
      Coordinator coordinator,
      Path baseDir,
      Path workDirectory,
      boolean sliced,
      Map<String, Integer> sliceNames,
      List<FailureContext.Slice> slices)
      throws InterruptedException {
    int reruns = parameters.getTestRequest().getRerunFailingTestsCount();
    List<PhaseReport> phases = new ArrayList<>();
    for (int round = 0; round < reruns && !coordinator.failing().isEmpty(); round++) {
      Map<String, String> failing = coordinator.failing();
      coordinator.forgetFailures();
      List<TestItem> items = new ArrayList<>();
      failing.forEach(
          (id, topClass) -> {
            TestItem first = coordinator.seen(id);
            String label = first == null ? id : first.label();
            items.add(new TestItem(id, topClass, topClass, topClass, null, false, id, label));
          });
      sink.runMode(RunMode.RERUN_TEST_AFTER_FAILURE);
      ReportCollector collector = new ReportCollector(items, sink, sliced);
      WorkUnit unit = new WorkUnit(0, items, false, 0);
      PhaseReport phase =
          coordinator.run("rerun", 1, items.size(), Dispatcher.inOrder(List.of(unit)), collector);
      phases.add(phase);
      slices.addAll(
          reportFailureContext(baseDir, workDirectory, List.of(phase), sliceNames, collector));
      collector.flushAll();
    }
    return phases;
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

  /**
   * Writes the timeline: the phases, then in the page each rerun; a failed attempt of a flaky test
   * as such, and each failed test's bar linked to its slice.
   */
  private Path writeTimeline(
      Path dir,
      List<PhaseReport> phases,
      List<PhaseReport> reruns,
      List<FailureContext.Slice> slices,
      Set<String> flaky,
      RunSettings settings,
      Map<String, Double> predicted) {
    if (phases.isEmpty()) {
      return null;
    }
    String kind = reportKind();
    UnaryOperator<PhaseReport.Bar> mark =
        bar ->
            bar.id() != null && flaky.contains(bar.id()) && FailureContext.failed(bar)
                ? bar.as(Timeline.FLAKY)
                : bar;
    List<PhaseReport> marked = Timeline.mark(phases, mark);
    List<PhaseReport> all = new ArrayList<>(marked);
    all.addAll(Timeline.mark(reruns, mark));
    Map<PhaseReport.Bar, String> links = new HashMap<>();
    slices.forEach(slice -> links.put(mark.apply(slice.test()), slice.href()));
    try {
      Path timeline = dir.resolve("timeline.html");
      String title =
          kind
              + ", jtest.dist="
              + settings.distribution()
              + settings.shard().map(s -> ", shard " + s).orElse("");
      Timeline.write(timeline, title, all, links);
      Timeline.write(dir.resolve("timeline-" + kind + ".html"), title, all, links);
      Timeline.writeJson(dir.resolve("timeline-" + kind + ".json"), title, marked, predicted);
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
}
