package dev.jtest.surefire.affected;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jtest.settings.Settings;
import dev.jtest.settings.TestMapFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the selection over real class directories: the provider's own classes stand for a service
 * module ({@code svc/src/main/java}), its test classes for the test module ({@code
 * it/src/test/java}).
 */
class AffectedTestsTest {

  private static final String PKG = "dev/jtest/surefire/affected/";
  private static final String SVC = "svc/src/main/java/" + PKG;
  private static final String IT = "it/src/test/java/" + PKG;
  private static final String GLOBS = PKG + "Globs";
  private static final String CLASS_FILES = PKG + "ClassFiles";

  /** Stands for a test class; only its name matters. */
  static final class Helper {}

  @TempDir Path workTree;

  private final AffectedTests.Test a = new AffectedTests.Test("[a]", "sample.AIT", "AIT.a");
  private final AffectedTests.Test b = new AffectedTests.Test("[b]", "sample.BIT", "BIT.b");
  private final AffectedTests.Test own =
      new AffectedTests.Test("[own]", "dev.jtest.surefire.affected.GlobsTest", "GlobsTest.x");

  private static Path classesOf(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private ClassSources sources() throws Exception {
    return new ClassSources(
        List.of(
            new ClassSources.Root(
                false, workTree.resolve("svc/src/main/java"), classesOf(Globs.class)),
            new ClassSources.Root(
                true, workTree.resolve("it/src/test/java"), classesOf(AffectedTestsTest.class))));
  }

  private Map<String, String> ids(String... classes) throws Exception {
    Map<String, String> ids = new HashMap<>();
    for (String name : classes) {
      Path file = sources().classFile(name).orElseThrow();
      ids.put(name, TestMapFile.classId(ClassFiles.classId(Files.readAllBytes(file))));
    }
    return ids;
  }

  /** A maps to Globs, B to ClassFiles, own (GlobsTest) to nothing; ids as on disk. */
  private Optional<TestMapFile> map() throws Exception {
    return map(ids(GLOBS, CLASS_FILES));
  }

  private Optional<TestMapFile> map(Map<String, String> ids) {
    return Optional.of(
        new TestMapFile(
            Instant.now(),
            null,
            ids,
            Map.of(
                a.id(), new TestMapFile.Entry("AIT.a", List.of(GLOBS)),
                b.id(), new TestMapFile.Entry("BIT.b", List.of(CLASS_FILES)),
                own.id(), new TestMapFile.Entry("GlobsTest.x", List.of()))));
  }

  private AffectedTests.Decision decide(Optional<TestMapFile> map, String... changed)
      throws Exception {
    return decide(map, Set.of(), changed);
  }

  private AffectedTests.Decision decide(
      Optional<TestMapFile> map, Set<String> deleted, String... changed) throws Exception {
    GitChanges changes = new GitChanges(workTree, new TreeSet<>(List.of(changed)), deleted);
    return AffectedTests.decide(
        List.of(a, b, own),
        map,
        workTree.resolve(".jtest/test-map.json"),
        changes,
        sources(),
        Settings.AFFECTED_ALL.parse(null));
  }

  @Test
  void selectsTheTestsThatRanAChangedClassAndSkipsTheOthers() throws Exception {
    AffectedTests.Decision decision = decide(map(), SVC + "Globs.java", "README.md");

    assertThat(decision.runsAll()).isFalse();
    assertThat(decision.selected()).containsOnlyKeys(a.id());
    assertThat(decision.selected().get(a.id()))
        .isEqualTo("ran dev.jtest.surefire.affected.Globs, changed in " + SVC + "Globs.java");
    assertThat(decision.changedClasses()).contains(GLOBS).allMatch(c -> c.startsWith(GLOBS));
    assertThat(decision.changedFiles()).isEqualTo(2);
    assertThat(decision.ignored()).containsExactly("README.md");
    assertThat(decision.kinds()).containsExactly(Map.entry("ran a changed class", 1));
  }

  @Test
  void aChangedSourceStandsForItsNestedClassesToo() throws Exception {
    String nested = PKG + "AffectedTests$Decision";
    Map<String, String> ids = ids(GLOBS, CLASS_FILES, nested);
    TestMapFile base = map(ids).orElseThrow();
    Map<String, TestMapFile.Entry> tests = new HashMap<>(base.tests());
    tests.put(b.id(), new TestMapFile.Entry("BIT.b", List.of(nested)));
    TestMapFile map = new TestMapFile(base.created(), null, ids, tests);

    assertThat(decide(Optional.of(map), SVC + "AffectedTests.java").selected())
        .containsOnlyKeys(b.id());
  }

  @Test
  void selectsEveryTestTheMapDoesNotKnow() throws Exception {
    TestMapFile base = map().orElseThrow();
    TestMapFile withoutB =
        new TestMapFile(
            base.created(), null, base.classIds(), Map.of(a.id(), base.tests().get(a.id())));

    AffectedTests.Decision decision = decide(Optional.of(withoutB), "README.md");

    assertThat(decision.selected()).containsOnlyKeys(b.id(), own.id());
    assertThat(decision.selected().get(b.id())).isEqualTo("not in the per-test map");
    assertThat(decision.kinds()).containsExactly(Map.entry("not in the per-test map", 2));
  }

  @Test
  void selectsATestWhoseOwnSourceChanged() throws Exception {
    AffectedTests.Decision decision = decide(map(), IT + "GlobsTest.java");

    assertThat(decision.selected()).containsOnlyKeys(own.id());
    assertThat(decision.selected().get(own.id()))
        .isEqualTo("its source " + IT + "GlobsTest.java changed");
  }

  @Test
  void changedTestCodeThatIsNoTestsOwnAndNotMappedRunsEveryTest() throws Exception {
    AffectedTests.Decision decision = decide(map(), IT + "AffectedTestsTest.java");

    assertThat(decision.runsAll()).isTrue();
    assertThat(decision.allReason()).startsWith(IT + "AffectedTestsTest.java changed: test code");
    assertThat(decision.selected()).containsOnlyKeys(a.id(), b.id(), own.id());
  }

  @Test
  void aChangedBuildOrComposeFileRunsEveryTest() throws Exception {
    assertThat(decide(map(), "svc/pom.xml").allReason())
        .isEqualTo("svc/pom.xml changed (matches pom.xml in jtest.affected.all)");
    assertThat(decide(map(), SVC + "Globs.java", "it/docker-compose.yml").allReason())
        .isEqualTo("it/docker-compose.yml changed (matches *compose*.yml in jtest.affected.all)");
  }

  @Test
  void noMapRunsEveryTestNamingTheFileAndHowToWriteIt() throws Exception {
    AffectedTests.Decision decision = decide(Optional.empty(), SVC + "Globs.java");

    assertThat(decision.runsAll()).isTrue();
    assertThat(decision.allReason())
        .contains(workTree.resolve(".jtest/test-map.json").toString())
        .contains("-Pcoverage -Djtest.coverage.perTest");
  }

  @Test
  void aMapOfOtherClassFilesIsStaleAndRunsEveryTest() throws Exception {
    Map<String, String> ids = new HashMap<>(ids(GLOBS, CLASS_FILES));
    ids.put(CLASS_FILES, "0123456789abcdef");

    AffectedTests.Decision decision = decide(map(ids), SVC + "Globs.java");

    assertThat(decision.runsAll()).isTrue();
    assertThat(decision.allReason())
        .contains("is stale: dev.jtest.surefire.affected.ClassFiles differs")
        .contains("-Pcoverage -Djtest.coverage.perTest");
  }

  @Test
  void aClassWhoseSourceChangedMayDifferFromTheMap() throws Exception {
    Map<String, String> ids = new HashMap<>(ids(GLOBS, CLASS_FILES));
    ids.put(GLOBS, "0123456789abcdef"); // recompiled since the map was written

    assertThat(decide(map(ids), SVC + "Globs.java").selected()).containsOnlyKeys(a.id());
  }

  @Test
  void aMappedClassWithoutClassFileIsStaleUnlessItsSourceWasDeleted() throws Exception {
    Map<String, String> ids = new HashMap<>(ids(GLOBS, CLASS_FILES));
    ids.put(PKG + "Gone", "0123456789abcdef");
    ids.put(PKG + "Gone$Inner", "0123456789abcdef");
    TestMapFile base = map(ids).orElseThrow();
    Map<String, TestMapFile.Entry> tests = new HashMap<>(base.tests());
    tests.put(b.id(), new TestMapFile.Entry("BIT.b", List.of(PKG + "Gone$Inner")));
    Optional<TestMapFile> map = Optional.of(new TestMapFile(base.created(), null, ids, tests));

    assertThat(decide(map, "README.md").allReason())
        .contains("dev.jtest.surefire.affected.Gone is in the map but has no class file");
    AffectedTests.Decision deleted = decide(map, Set.of(SVC + "Gone.java"), SVC + "Gone.java");
    assertThat(deleted.runsAll()).isFalse();
    assertThat(deleted.selected()).containsOnlyKeys(b.id());
  }
}
