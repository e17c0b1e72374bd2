package dev.jtest.core.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jtest.core.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectNameTest {

  @TempDir Path dir;

  private ComposeModel load(Map<String, String> env, String yaml) throws IOException {
    Path file = dir.resolve("My Project.1/compose.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml);
    return ComposeLoader.load(List.of(file), env, Set.of());
  }

  @Test
  void topLevelNameIsTheProjectNameAndFillsComposeProjectName() throws IOException {
    ComposeModel model =
        load(
            Map.of(),
            """
            name: shop
            services:
              web:
                image: x
                environment: {PROJECT: "${COMPOSE_PROJECT_NAME}"}
            """);

    assertThat(model.name()).isEqualTo("shop");
    assertThat(model.services().get("web").environment()).containsEntry("PROJECT", "shop");
  }

  @Test
  void environmentWinsOverTheTopLevelName() throws IOException {
    ComposeModel model =
        load(Map.of("COMPOSE_PROJECT_NAME", "ci"), "name: shop\nservices:\n  web: {image: x}\n");

    assertThat(model.name()).isEqualTo("ci");
  }

  @Test
  void withoutANameTheDirectoryNameIsMadeValid() throws IOException {
    assertThat(load(Map.of(), "services:\n  web: {image: x}\n").name()).isEqualTo("myproject1");
  }

  @Test
  void rejectsANameComposeRefusesNamingFileAndLine() throws IOException {
    assertThatThrownBy(() -> load(Map.of(), "services:\n  web: {image: x}\nname: My Shop\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "compose.yaml:3: 'name' is 'My Shop', which is not a compose project name: use"
                + " lowercase letters, digits, '-' and '_', starting with a letter or a digit, e.g."
                + " 'myshop'");
  }
}
