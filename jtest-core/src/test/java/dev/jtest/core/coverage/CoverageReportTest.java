package dev.jtest.core.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jacoco.core.data.ExecutionData;
import org.jacoco.core.data.ExecutionDataStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverageReportTest {

  /** Copies a class file of this module into {@code dir}, under its package path. */
  private static String copyClass(Class<?> type, Path dir) throws Exception {
    String name = type.getName().replace('.', '/');
    Path source = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path target = dir.resolve(name + ".class");
    Files.createDirectories(target.getParent());
    Files.copy(source.resolve(name + ".class"), target);
    return name;
  }

  @Test
  void aGroupReportsTheModulesItsJvmLoadedClassesFrom(@TempDir Path root) throws Exception {
    Path auth = root.resolve("auth/classes");
    Path mcp = root.resolve("mcp/classes");
    String authClass = copyClass(CoverageRule.class, auth);
    copyClass(Harvest.class, mcp);
    ExecutionDataStore data = new ExecutionDataStore();
    data.put(new ExecutionData(42L, authClass, new boolean[] {true}));

    assertThat(CoverageReport.ranFrom(data, CoverageReport.classNames(List.of(auth, mcp))))
        .containsExactly(auth);
  }

  @Test
  void aGroupThatLoadedNoneOfTheProjectsClassesKeepsThemAll(@TempDir Path root) throws Exception {
    Path auth = root.resolve("auth/classes");
    Path mcp = root.resolve("mcp/classes");
    copyClass(CoverageRule.class, auth);
    copyClass(Harvest.class, mcp);
    ExecutionDataStore data = new ExecutionDataStore();
    data.put(new ExecutionData(7L, "org/library/Thing", new boolean[] {true}));

    assertThat(CoverageReport.ranFrom(data, CoverageReport.classNames(List.of(auth, mcp))))
        .containsExactly(auth, mcp);
  }
}
