package dev.jtest.core.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jtest.core.ConfigurationException;
import dev.jtest.core.compose.ComposeModel;
import dev.jtest.core.testing.ComposeText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BindDirectoriesTest {

  @TempDir Path dir;

  private ComposeModel model(String volumes) throws Exception {
    return ComposeText.load(
        dir,
        """
        services:
          web:
            image: example/web:1
            volumes: %s
          worker:
            image: example/web:1
            volumes: ["./data/shared:/shared"]
        """
            .formatted(volumes));
  }

  @Test
  void createsEachMissingSourceOnceAndNamesThem() throws Exception {
    Files.createDirectories(dir.resolve("present"));
    ComposeModel model = model("[\"./data/shared:/shared\", \"./present:/p\", \"./logs:/logs\"]");

    List<Path> created = BindDirectories.create(model);

    assertThat(created).containsExactly(dir.resolve("data/shared"), dir.resolve("logs"));
    assertThat(dir.resolve("data/shared")).isDirectory();
    assertThat(dir.resolve("logs")).isDirectory();
    assertThat(BindDirectories.describe(created))
        .isEqualTo(
            "created the missing bind-mount directories "
                + dir.resolve("data/shared")
                + ", "
                + dir.resolve("logs")
                + ", as docker compose up does (they are the project's files and stay)");
  }

  @Test
  void createsNothingAndSaysNothingWhenEverySourceExists() throws Exception {
    Files.createDirectories(dir.resolve("data/shared"));

    List<Path> created = BindDirectories.create(model("[\"./data/shared:/x\"]"));

    assertThat(created).isEmpty();
    assertThat(BindDirectories.describe(created)).isNull();
  }

  @Test
  void namesServiceAndPathWhenASourceCannotBeCreated() throws Exception {
    Files.writeString(dir.resolve("file"), "not a directory");
    ComposeModel model = model("[\"./file/below:/below\"]");

    assertThatThrownBy(() -> BindDirectories.create(model))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(
            ": service 'web' bind-mounts "
                + dir.resolve("file/below")
                + " at /below, which does not exist, and jtest cannot create it (");
  }
}
