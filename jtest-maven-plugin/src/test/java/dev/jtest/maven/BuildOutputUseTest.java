package dev.jtest.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jtest.core.compose.ComposeLoader;
import dev.jtest.core.compose.ComposeModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildOutputUseTest {

  @TempDir Path project;

  private ComposeModel model(String compose) throws IOException {
    Path file = project.resolve("docker-compose.yml");
    Files.writeString(file, compose);
    return ComposeLoader.load(List.of(file), Map.of(), Set.of());
  }

  private Path target() {
    return project.resolve("target").toAbsolutePath().normalize();
  }

  @Test
  void anImageCopyingFromTheBuildDirectoryNeedsTheBuild() throws IOException {
    Files.writeString(
        project.resolve("Dockerfile"), "FROM debian\nCOPY target/classes /app\nCMD [\"x\"]\n");

    assertThat(BuildOutputUse.of(model("services:\n  api:\n    build: .\n"), target()))
        .hasValueSatisfying(
            why -> assertThat(why).contains("'api'").contains("COPY target/classes /app"));
  }

  @Test
  void anImageCopyingItsWholeContextNeedsTheBuild() throws IOException {
    Files.writeString(project.resolve("Dockerfile"), "FROM debian\nCOPY . /src\n");

    assertThat(BuildOutputUse.of(model("services:\n  api:\n    build: .\n"), target())).isPresent();
  }

  @Test
  void anImageFromItsOwnDirectoryDoesNot() throws IOException {
    Files.createDirectories(project.resolve("img"));
    Files.writeString(project.resolve("img/Dockerfile"), "FROM debian\nCOPY run.sh .\n");

    assertThat(BuildOutputUse.of(model("services:\n  web:\n    build: ./img\n"), target()))
        .isEmpty();
  }

  @Test
  void aDestinationNamedDotIsNoSource() throws IOException {
    Files.writeString(project.resolve("Dockerfile"), "FROM debian\nCOPY --chown=1 pom.xml .\n");

    assertThat(BuildOutputUse.of(model("services:\n  api:\n    build: .\n"), target())).isEmpty();
  }

  @Test
  void aBindMountOfTheBuildDirectoryNeedsTheBuild() throws IOException {
    Files.createDirectories(project.resolve("target/site"));
    String compose =
        "services:\n  web:\n    image: busybox\n    volumes: [\"./target/site:/www:ro\"]\n";

    assertThat(BuildOutputUse.of(model(compose), target()))
        .hasValueSatisfying(why -> assertThat(why).contains("'web' mounts"));
  }

  @Test
  void anImageWithoutBuildNeedsNothing() throws IOException {
    assertThat(BuildOutputUse.of(model("services:\n  db:\n    image: postgres:16\n"), target()))
        .isEmpty();
  }
}
