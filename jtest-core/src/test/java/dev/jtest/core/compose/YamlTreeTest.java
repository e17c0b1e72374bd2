package dev.jtest.core.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jtest.core.ConfigurationException;
import dev.jtest.core.testing.ComposeText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** YAML anchors, aliases, merge keys and compose's {@code !reset} / {@code !override} tags. */
class YamlTreeTest {

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return ComposeText.write(dir, name, text);
  }

  private ComposeModel load(Path... files) {
    return ComposeLoader.load(List.of(files), Map.of(), Set.of());
  }

  @Test
  void explicitKeyWinsOverMergeKeyWhereverItIsWritten() throws IOException {
    Path file =
        write(
            "compose.yaml",
            """
            x-defaults: &defaults
              image: base:1
              user: "1000"
            services:
              before:
                image: mine:1
                <<: *defaults
              after:
                <<: *defaults
                image: mine:2
            """);

    ComposeModel model = load(file);

    assertThat(model.services().get("before").image()).isEqualTo("mine:1");
    assertThat(model.services().get("after").image()).isEqualTo("mine:2");
    assertThat(model.services().get("after").user()).isEqualTo("1000");
  }

  @Test
  void firstMappingOfAMergedListWins() throws IOException {
    Path file =
        write(
            "compose.yaml",
            """
            x-a: &a {image: a:1, working_dir: /a}
            x-b: &b {image: b:1, user: b}
            services:
              web:
                <<: [*a, *b]
            """);

    ServiceSpec web = load(file).services().get("web");

    assertThat(web.image()).isEqualTo("a:1");
    assertThat(web.workingDir()).isEqualTo("/a");
    assertThat(web.user()).isEqualTo("b");
  }

  @Test
  void anchorsWorkAnywhereNotOnlyOnServices() throws IOException {
    Path file =
        write(
            "compose.yaml",
            """
            x-env: &env
              LEVEL: debug
            services:
              web:
                image: x
                environment:
                  <<: *env
                  NAME: web
                healthcheck:
                  test: &probe ["CMD", "true"]
              api:
                image: x
                healthcheck:
                  test: *probe
            """);

    ComposeModel model = load(file);

    assertThat(model.services().get("web").environment())
        .containsEntry("LEVEL", "debug")
        .containsEntry("NAME", "web");
    assertThat(model.services().get("api").healthcheck().test()).containsExactly("CMD", "true");
  }

  @Test
  void errorInAMergedDefaultNamesTheLineOfTheAnchor() throws IOException {
    Path file =
        write(
            "compose.yaml",
            """
            x-defaults: &defaults
              image: x
              stop_grace_period: soon
            services:
              api:
                <<: *defaults
            """);

    assertThatThrownBy(() -> load(file))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("compose.yaml:3: service 'api': stop_grace_period");
  }

  @Test
  void acceptsAFileThatUsesAnAnchorMoreThanFiftyTimes() throws IOException {
    StringBuilder yaml = new StringBuilder("x-d: &d\n  image: x\nservices:\n");
    for (int i = 0; i < 80; i++) {
      yaml.append("  s").append(i).append(":\n    <<: *d\n");
    }
    Path file = write("compose.yaml", yaml.toString());

    assertThat(load(file).services()).hasSize(80);
  }

  @Test
  void rejectsAMergeKeyThatNamesAText() throws IOException {
    Path file =
        write(
            "compose.yaml",
            """
            x-image: &image debian
            services:
              web:
                <<: *image
            """);

    assertThatThrownBy(() -> load(file))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("compose.yaml:4: service 'web': a merge key ('<<') must name a");
  }

  @Test
  void resetInALaterFileRemovesTheEarlierValue() throws IOException {
    Path base =
        write(
            "compose.yaml",
            """
            services:
              app:
                image: app
                ports: ["8080:80"]
                environment: {FOO: bar, KEEP: "1"}
            """);
    Path override =
        write(
            "compose.override.yaml",
            """
            services:
              app:
                ports: !reset []
                environment:
                  FOO: !reset null
            """);

    ServiceSpec app = load(base, override).services().get("app");

    assertThat(app.ports()).isEmpty();
    assertThat(app.environment()).containsOnlyKeys("KEEP");
  }

  @Test
  void overrideInALaterFileReplacesInsteadOfMerging() throws IOException {
    Path base =
        write(
            "compose.yaml",
            """
            services:
              app:
                image: app
                ports: ["8080:80"]
                environment: {FOO: bar}
            """);
    Path override =
        write(
            "compose.override.yaml",
            """
            services:
              app:
                ports: !override ["9090:90"]
                environment: !override {OTHER: "1"}
            """);

    ServiceSpec app = load(base, override).services().get("app");

    assertThat(app.ports()).extracting(PortSpec::containerPort).containsExactly(90);
    assertThat(app.environment()).containsOnlyKeys("OTHER");
  }
}
