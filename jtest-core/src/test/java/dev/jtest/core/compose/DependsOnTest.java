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

class DependsOnTest {

  @TempDir Path dir;

  private ComposeModel load(String yaml, Set<String> profiles) throws IOException {
    Path file = Files.writeString(dir.resolve("compose.yaml"), yaml);
    return ComposeLoader.load(List.of(file), Map.of(), profiles);
  }

  @Test
  void leavesOutAnOptionalDependencyThatIsNotDefinedWithAWarning() throws IOException {
    ComposeModel model =
        load(
            """
            services:
              web:
                image: x
                depends_on:
                  cache: {condition: service_started, required: false}
                  db: {condition: service_healthy}
              db:
                image: x
            """,
            Set.of());

    assertThat(model.services().get("web").dependsOn())
        .containsExactly(Map.entry("db", DependencyCondition.SERVICE_HEALTHY));
    assertThat(model.warnings())
        .containsExactly(
            "compose.yaml:5: service 'web': depends on 'cache' with required: false, and the run"
                + " does not start 'cache' (not defined, or not enabled by -Djtest.profiles):"
                + " 'web' starts without it");
  }

  @Test
  void leavesOutAnOptionalDependencyWhoseProfileIsNotActiveButKeepsItWhenActive()
      throws IOException {
    String yaml =
        """
        services:
          web:
            image: x
            depends_on:
              debug: {required: false}
          debug:
            image: x
            profiles: [debug]
        """;

    assertThat(load(yaml, Set.of()).services().get("web").dependsOn()).isEmpty();
    assertThat(load(yaml, Set.of("debug")).services().get("web").dependsOn())
        .containsExactly(Map.entry("debug", DependencyCondition.SERVICE_STARTED));
  }

  @Test
  void aRequiredDependencyOnADisabledServiceIsStillAnError() {
    assertThatThrownBy(
            () ->
                load(
                    """
                    services:
                      web:
                        image: x
                        depends_on:
                          debug: {required: true}
                      debug:
                        image: x
                        profiles: [debug]
                    """,
                    Set.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("depends on 'debug', which is only enabled with the profile(s)");
  }

  @Test
  void acceptsRestartTrueSayingJtestNeverRestarts() throws IOException {
    ComposeModel model =
        load(
            """
            services:
              web:
                image: x
                depends_on:
                  db: {condition: service_started, restart: true}
              db:
                image: x
            """,
            Set.of());

    assertThat(model.services().get("web").dependsOn()).containsOnlyKeys("db");
    assertThat(model.warnings())
        .containsExactly(
            "compose.yaml:5: service 'web': depends_on.db.restart: true has nothing to do in a"
                + " test run: jtest never restarts 'db' while the tests run, so 'web' is never"
                + " restarted for it");
  }

  @Test
  void rejectsRequiredThatIsNotABoolean() {
    assertThatThrownBy(
            () ->
                load(
                    """
                    services:
                      web:
                        image: x
                        depends_on:
                          db: {required: maybe}
                      db:
                        image: x
                    """,
                    Set.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "compose.yaml:5: service 'web': 'depends_on.db.required' is 'maybe': use true or"
                + " false");
  }
}
