package dev.jtest.core.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jtest.core.compose.ServiceSpec;
import dev.jtest.core.engine.ImageConfig;
import dev.jtest.core.testing.Specs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JvmDetectorTest {

  private static ServiceSpec service(
      List<String> entrypoint,
      List<String> command,
      Map<String, String> env,
      Map<String, Object> extension) {
    return Specs.service("svc")
        .entrypoint(entrypoint)
        .command(command)
        .environment(env)
        .extension(extension)
        .build();
  }

  private static final ImageConfig DEBIAN_JRE =
      new ImageConfig(List.of("java", "-jar", "/app/app.jar"), List.of(), List.of("PATH=/usr/bin"));
  private static final ImageConfig BUSYBOX =
      new ImageConfig(List.of(), List.of("sh"), List.of("PATH=/usr/bin"));

  @Test
  void seesJavaInTheImagesEntrypointWithoutJavaHome() {
    assertThat(JvmDetector.runsJvm(service(null, null, Map.of(), Map.of()), DEBIAN_JRE)).isTrue();
  }

  @Test
  void seesJavaInAShellCommandOrByPath() {
    assertThat(
            JvmDetector.runsJvm(
                service(null, List.of("sh", "-c", "exec java -cp /app Main"), Map.of(), Map.of()),
                BUSYBOX))
        .isTrue();
    assertThat(
            JvmDetector.runsJvm(
                service(List.of("/usr/lib/jvm/bin/java", "Main"), null, Map.of(), Map.of()),
                BUSYBOX))
        .isTrue();
  }

  @Test
  void seesAJvmByItsEnvironment() {
    assertThat(
            JvmDetector.runsJvm(
                service(null, null, Map.of("JAVA_HOME", "/opt/jdk"), Map.of()), BUSYBOX))
        .isTrue();
    assertThat(
            JvmDetector.runsJvm(
                service(null, null, Map.of(), Map.of()),
                new ImageConfig(
                    List.of("/docker-entrypoint.sh"), List.of(), List.of("JAVA_VERSION=17"))))
        .isTrue();
  }

  @Test
  void doesNotMistakeWordsThatContainJava() {
    assertThat(
            JvmDetector.runsJvm(
                service(null, List.of("sh", "-c", "echo javascript; sleep 1"), Map.of(), Map.of()),
                BUSYBOX))
        .isFalse();
  }

  @Test
  void composeEntrypointDropsTheImagesCommand() {
    ImageConfig javaCmd = new ImageConfig(List.of(), List.of("java", "Main"), List.of());
    assertThat(
            JvmDetector.runsJvm(
                service(List.of("sleep", "600"), null, Map.of(), Map.of()), javaCmd))
        .isFalse();
  }

  @Test
  void letsTheComposeFileDecide() {
    assertThat(
            CoverageHooks.covers(
                service(null, null, Map.of(), Map.of("coverage", "false")), DEBIAN_JRE))
        .isFalse();
    assertThat(
            CoverageHooks.covers(
                service(null, null, Map.of(), Map.of("coverage", "true")), BUSYBOX))
        .isTrue();
  }
}
