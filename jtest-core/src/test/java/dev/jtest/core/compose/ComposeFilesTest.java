package dev.jtest.core.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jtest.core.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeFilesTest {

  @TempDir Path dir;

  @Test
  void findsNothingInAProjectWithoutComposeFiles() {
    assertThat(ComposeFiles.locate(dir, List.of(), "<composeFiles>")).isEmpty();
  }

  @Test
  void prefersComposeYamlOverTheOlderNames() throws IOException {
    Files.writeString(dir.resolve("docker-compose.yml"), "services: {}\n");
    Files.writeString(dir.resolve("compose.yaml"), "services: {}\n");

    assertThat(ComposeFiles.locate(dir, List.of(), "<composeFiles>"))
        .containsExactly(dir.resolve("compose.yaml"));
  }

  @Test
  void fallsBackToDockerComposeYml() throws IOException {
    Files.writeString(dir.resolve("docker-compose.yml"), "services: {}\n");

    assertThat(ComposeFiles.locate(dir, List.of(), "<composeFiles>"))
        .containsExactly(dir.resolve("docker-compose.yml"));
  }

  @Test
  void mergesTheOverrideFileBesideTheDefaultOneAsDockerComposeDoes() throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), "services: {}\n");
    Files.writeString(dir.resolve("docker-compose.override.yaml"), "services: {}\n");
    Files.writeString(dir.resolve("compose.override.yml"), "services: {}\n");

    assertThat(ComposeFiles.locate(dir, List.of(), "<composeFiles>"))
        .containsExactly(dir.resolve("compose.yaml"), dir.resolve("compose.override.yml"));
  }

  @Test
  void readsNoOverrideFileWhenFilesAreConfigured() throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), "services: {}\n");
    Files.writeString(dir.resolve("compose.override.yaml"), "services: {}\n");

    assertThat(ComposeFiles.locate(dir, List.of("compose.yaml"), "-Djtest.compose"))
        .containsExactly(dir.resolve("compose.yaml"));
  }

  @Test
  void keepsTheConfiguredOrder() throws IOException {
    Files.writeString(dir.resolve("docker-compose.yml"), "services: {}\n");
    Files.createDirectories(dir.resolve("ci"));
    Files.writeString(dir.resolve("ci/overlay.yml"), "services: {}\n");

    assertThat(
            ComposeFiles.locate(
                dir, ComposeFiles.split("docker-compose.yml, ci/overlay.yml"), "-Djtest.compose"))
        .containsExactly(dir.resolve("docker-compose.yml"), dir.resolve("ci/overlay.yml"));
  }

  @Test
  void rejectsAConfiguredFileThatDoesNotExistNamingWhereItCameFrom() {
    assertThatThrownBy(() -> ComposeFiles.locate(dir, List.of("missing.yml"), "-Djtest.compose"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith(
            "compose file 'missing.yml' named by -Djtest.compose does not exist")
        .hasMessageContaining(dir.resolve("missing.yml").toString());
  }

  @Test
  void splitsACommaSeparatedListIgnoringBlanks() {
    assertThat(ComposeFiles.split(" a.yml,, b.yml ,")).containsExactly("a.yml", "b.yml");
    assertThat(ComposeFiles.split(null)).isEmpty();
  }
}
