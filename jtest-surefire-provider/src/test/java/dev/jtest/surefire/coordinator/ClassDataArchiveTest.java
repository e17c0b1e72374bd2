package dev.jtest.surefire.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestEngine;

class ClassDataArchiveTest {

  @TempDir Path dir;

  private final List<String> debug = new ArrayList<>();

  @Test
  void isUnusableWithAJavaAgentSoThatCoverageSeesEveryClass() {
    assertThat(ClassDataArchive.unusable(List.of("-javaagent:/r/jacoco.jar=destfile=x"), Map.of()))
        .isEqualTo("a java agent is present (-javaagent:/r/jacoco.jar)");
    assertThat(
            ClassDataArchive.unusable(
                List.of(), Map.of("JAVA_TOOL_OPTIONS", "-Xmx1g -agentpath:/x/lib.so")))
        .startsWith("a java agent is present (-agentpath:");
  }

  @Test
  void isUnusableWhenTheOptionsTurnSharingOffOrNameAnArchive() {
    assertThat(ClassDataArchive.unusable(List.of("-Xshare:off"), Map.of()))
        .isEqualTo("the JVM options set -Xshare:off");
    assertThat(ClassDataArchive.unusable(List.of("-XX:SharedArchiveFile=app.jsa"), Map.of()))
        .isEqualTo("the JVM options set -XX:SharedArchiveFile");
  }

  @Test
  void isUsableOnTheHotSpotJvmThatRunsTheseTests() {
    assertThat(ClassDataArchive.unusable(List.of("-Xmx512m"), Map.of())).isNull();
  }

  @Test
  void keyCoversJvmOptionsButNotSystemProperties() {
    Path home = Path.of(System.getProperty("java.home"));
    List<String> base = ClassDataArchive.keyParts(home, List.of("-Xmx1g"), List.of(), Map.of());

    assertThat(
            ClassDataArchive.keyParts(
                home, List.of("-Xmx1g", "-Dsample.argline=yes"), List.of(), Map.of()))
        .isEqualTo(base);
    assertThat(ClassDataArchive.keyParts(home, List.of("-Xmx40g"), List.of(), Map.of()))
        .isNotEqualTo(base);
    assertThat(
            ClassDataArchive.keyParts(
                home, List.of("-Xmx1g", "-XX:+UseSerialGC"), List.of(), Map.of()))
        .isNotEqualTo(base);
    assertThat(
            ClassDataArchive.keyParts(
                home, List.of("-Xmx1g"), List.of(), Map.of("JAVA_TOOL_OPTIONS", "-Xmx2g")))
        .isNotEqualTo(base);
  }

  @Test
  void secondRunLoadsTheArchivedClassesFromTheArchiveAndARebuiltJarMakesANewOne() throws Exception {
    Path engine = dir.resolve("repo/junit-platform-engine-1.0.jar");
    Files.createDirectories(engine.getParent());
    Files.copy(jarOf(TestEngine.class), engine);
    Path provider = dir.resolve("repo/jtest-surefire-provider-0.1.jar");
    TestJars.write(provider, ClassDataDump.class);
    Path testClasses = Files.createDirectories(dir.resolve("target/test-classes"));
    Files.writeString(testClasses.resolve("Some.class"), "not read");
    Path booter = dir.resolve("target/surefire/surefirebooter-1.jar");
    Files.createDirectories(booter.getParent());
    TestJars.write(
        booter,
        "../test-classes/ ../../repo/jtest-surefire-provider-0.1.jar ../../repo/junit-platform-engine-1.0.jar");
    Path work = dir.resolve("target/jtest");
    Path home = Path.of(System.getProperty("java.home"));
    List<String> options = List.of("-Xmx256m");

    try (ClassDataArchive first =
        ClassDataArchive.open(work, home, options, booter.toString(), Map.of(), debug::add)) {
      assertThat(first.options()).isEqualTo(options);
      // The archived jars first, by name; the rest (test-classes) through a manifest jar.
      assertThat(first.classPath().split(":"))
          .hasSize(3)
          .startsWith(provider.toString(), engine.toString());
      assertThat(first.classPath()).contains(work.resolve("cds").resolve("rest-").toString());
    }
    try (ClassDataArchive second =
        ClassDataArchive.open(work, home, options, booter.toString(), Map.of(), debug::add)) {
      assertThat(second.options())
          .anyMatch(o -> o.startsWith("-XX:SharedArchiveFile=") && o.endsWith(".jsa"))
          .contains("-Xshare:auto");
      String loaded = run(home, second, "-Xlog:class+load=info", engine.toString());
      assertThat(loaded)
          .contains("org.junit.platform.engine.TestEngine source: shared objects file (top)");
      assertThat(loaded).doesNotContain("[warning]");
    }
    // The same jar rebuilt at the same path, within the second the JVM itself would not notice.
    Files.setLastModifiedTime(
        engine, FileTime.fromMillis(Files.getLastModifiedTime(engine).toMillis() + 1));
    try (ClassDataArchive rebuilt =
        ClassDataArchive.open(work, home, options, booter.toString(), Map.of(), debug::add)) {
      assertThat(rebuilt.options()).noneMatch(o -> o.startsWith("-XX:SharedArchiveFile="));
    }
    try (var files = Files.list(work.resolve("cds"))) {
      assertThat(files.filter(f -> f.toString().endsWith(".jsa"))).hasSize(2);
    }
  }

  private static String run(Path home, ClassDataArchive archive, String log, String jar)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin/java").toString());
    command.addAll(archive.options());
    command.add(log);
    command.add("-cp");
    command.add(archive.classPath());
    command.add(ClassDataDump.class.getName());
    command.add(jar);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  private static Path jarOf(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
