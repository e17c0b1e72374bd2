package dev.jtest.surefire.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerClassPathTest {

  @TempDir Path dir;

  @Test
  void expandsSurefiresBooterJarIntoItsManifestEntries() throws IOException {
    Path booter = dir.resolve("target/surefire/surefirebooter-1.jar");
    Files.createDirectories(booter.getParent());
    TestJars.write(booter, "../test-classes/ ../../repo/junit-platform-engine-1.10.3.jar");

    List<Path> entries = WorkerClassPath.entries(booter.toString(), ":");

    assertThat(entries)
        .containsExactly(
            dir.resolve("target/test-classes"),
            dir.resolve("repo/junit-platform-engine-1.10.3.jar"));
  }

  @Test
  void keyChangesWhenAJarIsRebuiltAtTheSamePath() throws IOException {
    Path jar = dir.resolve("lib.jar");
    TestJars.write(jar, null, "a/A.class");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000));
    String before = WorkerClassPath.key(List.of(WorkerClassPath.describe(jar)));

    TestJars.write(jar, null, "a/A.class");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_400));
    String sameSizeWithinTheSecond = WorkerClassPath.key(List.of(WorkerClassPath.describe(jar)));
    TestJars.write(jar, null, "a/A.class", "a/B.class");
    String bigger = WorkerClassPath.key(List.of(WorkerClassPath.describe(jar)));

    assertThat(sameSizeWithinTheSecond).isNotEqualTo(before);
    assertThat(bigger).isNotEqualTo(before).isNotEqualTo(sameSizeWithinTheSecond);
  }

  @Test
  void keyTellsAMissingDirectoryFromAnExistingOne() throws IOException {
    Path classes = dir.resolve("classes");
    String missing = WorkerClassPath.describe(classes);
    Files.createDirectories(classes);

    assertThat(WorkerClassPath.describe(classes)).isNotEqualTo(missing).endsWith(" dir");
  }

  @Test
  void movesJUnitAndJtestJarsAheadOfTheProjectsEntries() throws IOException {
    Path testClasses = Files.createDirectories(dir.resolve("test-classes"));
    Path lib = dir.resolve("lib.jar");
    Path engine = dir.resolve("junit-platform-engine-1.10.3.jar");
    Path provider = dir.resolve("jtest-surefire-provider-0.1.jar");
    TestJars.write(lib, null, "lib/Lib.class");
    TestJars.write(engine, null, "org/junit/platform/engine/TestEngine.class");
    TestJars.write(provider, null, "dev/jtest/surefire/JtestProvider.class");
    List<Path> entries = List.of(testClasses, lib, engine, provider);

    List<Path> front = WorkerClassPath.front(entries, WorkerClassPath::names);

    assertThat(front).containsExactly(engine, provider);
    assertThat(WorkerClassPath.reordered(entries, front))
        .containsExactly(engine, provider, testClasses, lib);
  }

  @Test
  void leavesInPlaceAJarWhoseClassAnEarlierJarAlsoHolds() throws IOException {
    Path shaded = dir.resolve("shaded-all.jar");
    Path engine = dir.resolve("junit-platform-engine-1.10.3.jar");
    TestJars.write(shaded, null, "org/junit/platform/engine/TestEngine.class");
    TestJars.write(engine, null, "org/junit/platform/engine/TestEngine.class", "META-INF/LICENSE");

    assertThat(WorkerClassPath.front(List.of(shaded, engine), WorkerClassPath::names)).isEmpty();
  }

  @Test
  void namesLeaveOutMetaInfAndModuleInfo() throws IOException {
    Path jar = dir.resolve("junit-jupiter-api-5.10.3.jar");
    TestJars.write(
        jar, null, "module-info.class", "META-INF/LICENSE", "org/junit/Test.class", "x.txt");

    assertThat(WorkerClassPath.names(jar)).containsExactly("org/junit/Test.class", "x.txt");
  }

  @Test
  void findsAClassOfAMovedJarInTheTestClasses() throws IOException {
    Path testClasses = Files.createDirectories(dir.resolve("test-classes"));
    List<String> moved = List.of("org/junit/platform/engine/TestEngine.class", "Top.class");
    assertThat(WorkerClassPath.shadowedByDirectory(List.of(testClasses), moved)).isNull();

    Files.createDirectories(testClasses.resolve("org/junit/platform/engine"));
    assertThat(WorkerClassPath.shadowedByDirectory(List.of(testClasses), moved)).isNull();

    Files.writeString(testClasses.resolve("org/junit/platform/engine/TestEngine.class"), "x");
    assertThat(WorkerClassPath.shadowedByDirectory(List.of(testClasses), moved))
        .isEqualTo(testClasses.resolve("org/junit/platform/engine/TestEngine.class").toString());
  }

  @Test
  void writesEntriesRelativeToTheManifestJarWithDirectoriesEndingInSlash() throws IOException {
    Path cds = Files.createDirectories(dir.resolve("target/jtest/cds"));
    Path testClasses = Files.createDirectories(dir.resolve("target/test-classes"));
    Path jar = dir.resolve("my repo/junit-platform-engine-1.10.3.jar");

    String classPath = WorkerClassPath.manifestClassPath(List.of(jar, testClasses), cds);

    assertThat(classPath)
        .isEqualTo("../../../my%20repo/junit-platform-engine-1.10.3.jar ../../test-classes/");
  }

  @Test
  void archivesOnlyJtestAndJUnitPlatformJars() {
    assertThat(WorkerClassPath.archived(Path.of("/r/junit-jupiter-engine-5.10.3.jar"))).isTrue();
    assertThat(WorkerClassPath.archived(Path.of("/r/opentest4j-1.3.0.jar"))).isTrue();
    assertThat(WorkerClassPath.archived(Path.of("/r/jtest-settings-0.1.jar"))).isTrue();
    assertThat(WorkerClassPath.archived(Path.of("/r/guava-33.jar"))).isFalse();
    assertThat(WorkerClassPath.archived(Path.of("/p/target/junit-platform-x"))).isFalse();
  }
}
