package dev.jtest.surefire.coordinator;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jtest.surefire.JtestRunException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerPoolTest {

  @TempDir Path dir;

  @Test
  void namesTheJavaItCannotStart() throws Exception {
    Path java = dir.resolve("no-such-jdk").resolve("bin").resolve("java");
    try (WorkerPool pool =
        new WorkerPool(java, List.of(), "", dir.resolve("settings"), 0, line -> {}, false)) {
      assertThatThrownBy(() -> pool.start(1))
          .isInstanceOf(JtestRunException.class)
          .hasMessageStartingWith("cannot start jtest worker JVM " + java)
          .hasMessageContaining("check the <jvm> of Surefire/Failsafe and JAVA_HOME");
    }
  }
}
