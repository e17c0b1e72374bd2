package dev.jtest.surefire.coordinator;

import dev.jtest.settings.Settings;
import dev.jtest.settings.TestMapFile;
import dev.jtest.surefire.JtestRunException;
import dev.jtest.surefire.affected.AffectedTests;
import dev.jtest.surefire.affected.ClassSources;
import dev.jtest.surefire.affected.GitChanges;
import dev.jtest.surefire.plan.TestItem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What {@code -Djtest.affected=<ref>} changes in a run: which of the tests {@code -k}/{@code -m}
 * kept run, and the console's lines about it. Skipped tests simply do not run, as with Surefire's
 * {@code -Dtest} filter: they are counted on the console, not reported one by one as skipped.
 */
final class AffectedScope {

  private AffectedScope() {}

  /**
   * The tests of {@code tests} that run; all of them when {@code jtest.affected} is not set.
   *
   * @param property looks a property up
   * @param baseDir the project directory: the map's path and git start there
   * @param info prints a console line
   */
  static List<TestItem> select(
      List<TestItem> tests,
      Function<String, String> property,
      Path baseDir,
      Consumer<String> info,
      Consumer<String> warn)
      throws InterruptedException {
    String ref = Settings.AFFECTED.read(property);
    if (ref == null) {
      return tests;
    }
    String since = "jtest: affected since " + ref + ": ";
    GitChanges changes;
    try {
      changes = GitChanges.since(ref, baseDir);
    } catch (GitChanges.Unavailable e) {
      info.accept(since + "every test runs: " + e.getMessage());
      return tests;
    }
    Path mapFile = baseDir.resolve(Settings.TEST_MAP.read(property));
    List<AffectedTests.Test> candidates =
        tests.stream().map(t -> new AffectedTests.Test(t.id(), t.topClass(), t.label())).toList();
    AffectedTests.Decision decision;
    try {
      decision =
          AffectedTests.decide(
              candidates,
              TestMapFile.read(mapFile, warn),
              mapFile,
              changes,
              ClassSources.parse(Settings.CLASS_SOURCES.read(property)),
              Settings.AFFECTED_ALL.read(property));
    } catch (IOException e) {
      throw new JtestRunException(
          "jtest: " + Settings.AFFECTED.name() + ": cannot read the class files: " + e, e);
    }
    if (decision.runsAll()) {
      info.accept(since + "all " + tests.size() + " tests run: " + decision.allReason());
      return tests;
    }
    List<TestItem> run =
        tests.stream().filter(t -> decision.selected().containsKey(t.id())).toList();
    info.accept(
        String.format(
            "%s%d of %d tests run (%d changed classes, %d changed files); %d skipped",
            since,
            run.size(),
            tests.size(),
            decision.changedClasses().size(),
            decision.changedFiles(),
            tests.size() - run.size()));
    if (!run.isEmpty()) {
      info.accept("jtest: affected: " + summary(decision.kinds()));
    }
    if (Settings.AFFECTED_EXPLAIN.read(property)) {
      for (TestItem test : tests) {
        String reason = decision.selected().get(test.id());
        info.accept(
            "jtest:   "
                + (reason == null
                    ? "skips " + test.label()
                    : "runs " + test.label() + ": " + reason));
      }
      decision.ignored().forEach(file -> info.accept("jtest:   ignores the change to " + file));
    }
    return run;
  }

  /** How many tests run for each kind of reason: "2 ran a changed class, 1 not in the map". */
  private static String summary(Map<String, Integer> kinds) {
    List<String> parts = new ArrayList<>();
    kinds.forEach((kind, n) -> parts.add(n + " " + kind));
    return String.join(", ", parts);
  }
}
