package dev.jtest.core.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The x-jtest keys: one list, read by the parser, checked and warned of from it alone. */
class JtestExtensionTest {

  @TempDir Path dir;

  private Path write(String name, String yaml) throws IOException {
    return Files.writeString(dir.resolve(name), yaml);
  }

  private ComposeModel load(Path... files) {
    return ComposeLoader.load(List.of(files), Map.of(), Set.of());
  }

  @Test
  void readsEveryKeyItListsWithoutAWarning() throws IOException {
    Path file =
        write(
            "compose.yaml",
            """
            services:
              api:
                image: x
                x-jtest:
                  wait: {http: /health, tcp: 8080, log: up, command: [true], timeout: 5s}
                  coverage: true
                  coverage-includes: a.*
                  coverage-excludes: [b.*]
                  cleanup: [{show: [ls], clean: [rm]}]
            """);

    ComposeModel model = load(file);
    ServiceSpec api = model.services().get("api");

    assertThat(model.warnings()).isEmpty();
    assertThat(api.extension()).containsOnlyKeys(JtestExtension.KEYS);
    assertThat(api.readiness().http()).isEqualTo("/health");
    assertThat(api.readiness().tcp()).isEqualTo(8080);
    assertThat(api.readiness().log().pattern()).isEqualTo("up");
    assertThat(api.readiness().command()).containsExactly("true");
    assertThat(api.readiness().timeout()).hasSeconds(5);
  }

  @Test
  void warnsOfAnUnknownWaitKeySuggestingTheKnownOne() throws IOException {
    Path file =
        write(
            "compose.yaml",
            """
            services:
              api:
                image: x
                x-jtest:
                  wait:
                    htp: /health
            """);

    assertThat(load(file).warnings())
        .containsExactly(
            "compose.yaml:6: service 'api': x-jtest.wait key 'htp' is unknown and ignored"
                + " (known: command, http, log, tcp, timeout): did you mean 'http'?");
  }

  @Test
  void warnsInTheFileThatHasTheUnknownKey() throws IOException {
    Path base =
        write(
            "compose.yaml",
            """
            services:
              api:
                image: x
                x-jtest: {coverag: true}
            """);
    Path override =
        write(
            "compose.override.yaml",
            """
            services:
              api:
                x-jtest: {coverage: false}
            """);

    ComposeModel model = load(base, override);

    assertThat(model.warnings())
        .singleElement()
        .asString()
        .startsWith("compose.yaml:4: service 'api': x-jtest key 'coverag' is unknown");
    assertThat(model.services().get("api").extension()).containsEntry("coverage", "false");
  }
}
