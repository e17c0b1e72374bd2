package dev.jtest.surefire.affected;

import dev.jtest.settings.TestMapFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Chooses the tests a change can break ({@code jtest.affected}): from the changed files, the
 * per-test map and the class directories, the tests whose mapped classes changed, whose own source
 * changed, or that the map does not know; every test when a file matches {@code
 * jtest.affected.all}, when changed test code is no test's own and in no test's map entry, or when
 * the map is missing or stale. Never fewer tests by surprise: each "every test" says why.
 */
public final class AffectedTests {

  /**
   * One discovered test.
   *
   * @param topClass its top-level class, binary name with dots
   */
  public record Test(String id, String topClass, String label) {}

  /**
   * What runs.
   *
   * @param allReason why every test runs, or null when only {@code selected} run
   * @param selected the selected tests' ids and why each runs, in discovery order
   * @param kinds how many tests run for each kind of reason ("ran a changed class": 2)
   * @param changedClasses the classes compiled from changed sources
   * @param ignored changed files that select nothing, for {@code jtest.affected.explain}
   */
  public record Decision(
      String allReason,
      Map<String, String> selected,
      Map<String, Integer> kinds,
      Set<String> changedClasses,
      int changedFiles,
      List<String> ignored) {

    /** The decision to run every test, and why. */
    static Decision all(String reason, List<Test> tests, Set<String> classes, int files) {
      Map<String, String> selected = new LinkedHashMap<>();
      tests.forEach(t -> selected.put(t.id(), reason));
      return new Decision(
          reason, selected, Map.of(reason, selected.size()), classes, files, List.of());
    }

    public boolean runsAll() {
      return allReason != null;
    }
  }

  private AffectedTests() {}

  /**
   * Decides which of {@code tests} run.
   *
   * @param map the per-test map, empty when there is none (then every test runs)
   * @param mapFile where the map is, for messages
   * @param changes the changed files
   * @param sources the build's source roots and class directories
   * @param runAll the {@code jtest.affected.all} globs
   */
  public static Decision decide(
      List<Test> tests,
      Optional<TestMapFile> map,
      Path mapFile,
      GitChanges changes,
      ClassSources sources,
      List<String> runAll)
      throws IOException {
    int files = changes.changed().size();
    if (map.isEmpty()) {
      return Decision.all(
          "no per-test map at "
              + mapFile
              + ": every test runs; write one with a per-test coverage run (mvn verify -Pcoverage"
              + " -Djtest.coverage.perTest)",
          tests,
          Set.of(),
          files);
    }
    Globs globs = new Globs(runAll);
    Map<String, String> classToFile = new TreeMap<>(); // changed class -> the file it comes from
    Map<String, Boolean> testCode = new TreeMap<>();
    List<String> ignored = new ArrayList<>();
    for (String file : changes.changed()) {
      Optional<String> glob = globs.match(file);
      if (glob.isPresent()) {
        return Decision.all(
            file + " changed (matches " + glob.get() + " in jtest.affected.all)",
            tests,
            Set.of(),
            files);
      }
      Path path = changes.workTree().resolve(file);
      Optional<ClassSources.Root> root = sources.rootOf(path);
      if (root.isEmpty()) {
        ignored.add(file);
        continue;
      }
      for (String name : ClassSources.classesOf(root.get(), path)) {
        classToFile.putIfAbsent(name, file);
        testCode.merge(name, root.get().test(), Boolean::logicalOr);
      }
    }
    Set<String> changed = classToFile.keySet();
    TestMapFile testMap = map.get();
    Optional<String> stale = staleClass(testMap, changed, sources);
    if (stale.isPresent()) {
      return Decision.all(
          "the per-test map "
              + mapFile
              + " is stale: "
              + stale.get()
              + "; refresh it with a per-test coverage run (mvn verify -Pcoverage"
              + " -Djtest.coverage.perTest)",
          tests,
          changed,
          files);
    }
    Set<String> ownClasses = new TreeSet<>();
    tests.forEach(t -> ownClasses.add(vmName(t.topClass())));
    Set<String> mapped = new TreeSet<>();
    testMap.tests().values().forEach(e -> mapped.addAll(e.classes()));
    for (String name : changed) {
      if (testCode.get(name) && !ownClasses.contains(outer(name)) && !mapped.contains(name)) {
        return Decision.all(
            classToFile.get(name)
                + " changed: test code that is no test's own class and that the map does not"
                + " name, so jtest cannot tell which tests use it",
            tests,
            changed,
            files);
      }
    }
    Map<String, String> selected = new LinkedHashMap<>();
    Map<String, Integer> kinds = new TreeMap<>();
    for (Test test : tests) {
      String own = vmName(test.topClass());
      TestMapFile.Entry entry = testMap.tests().get(test.id());
      String kind;
      String reason;
      if (changed.contains(own)) {
        kind = "whose own source changed";
        reason = "its source " + classToFile.get(own) + " changed";
      } else if (entry == null) {
        kind = "not in the per-test map";
        reason = kind;
      } else {
        Optional<String> ran =
            entry.classes().stream()
                .filter(c -> changed.contains(c) || changed.contains(outer(c)))
                .findFirst();
        if (ran.isEmpty()) {
          continue;
        }
        kind = "ran a changed class";
        reason =
            "ran "
                + ran.get().replace('/', '.')
                + ", changed in "
                + classToFile.getOrDefault(ran.get(), classToFile.get(outer(ran.get())));
      }
      selected.put(test.id(), reason);
      kinds.merge(kind, 1, Integer::sum);
    }
    return new Decision(null, selected, kinds, changed, files, ignored);
  }

  /**
   * A class of the map whose class file is not the one that ran although its source did not change
   * since the ref: the map describes other code than the ref's, so its choices cannot be trusted.
   */
  static Optional<String> staleClass(TestMapFile map, Set<String> changed, ClassSources sources)
      throws IOException {
    for (Map.Entry<String, String> e : new TreeMap<>(map.classIds()).entrySet()) {
      String name = e.getKey();
      if (changed.contains(name) || changed.contains(outer(name))) {
        continue;
      }
      Optional<Path> file = sources.classFile(name);
      if (file.isEmpty()) {
        return Optional.of(
            name.replace('/', '.')
                + " is in the map but has no class file, and its source did not"
                + " change");
      }
      String id = TestMapFile.classId(ClassFiles.classId(Files.readAllBytes(file.get())));
      if (!id.equalsIgnoreCase(e.getValue())) {
        return Optional.of(
            name.replace('/', '.')
                + " differs from the class the map recorded, and its source did not change");
      }
    }
    return Optional.empty();
  }

  private static String vmName(String binaryName) {
    return binaryName.replace('.', '/');
  }

  /** The top-level class of a nested one's VM name. */
  private static String outer(String vmName) {
    int dollar = vmName.indexOf('$', vmName.lastIndexOf('/') + 1);
    return dollar < 0 ? vmName : vmName.substring(0, dollar);
  }
}
