package dev.jtest.core.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.jtest.core.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleHooksTest {

  @TempDir Path dir;

  private ServiceSpec web(String keys) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("compose.yaml"), "services:\n  web:\n    image: x\n" + keys.indent(4));
    return ComposeLoader.load(List.of(file), Map.of(), Set.of()).services().get("web");
  }

  @Test
  void readsPostStartAndPreStopInOrderWithEveryField() throws IOException {
    ServiceSpec web =
        web(
            """
            post_start:
              - command: ./migrate.sh --all "two words"
                user: root
                privileged: true
                working_dir: /app
                environment: [FOO=bar]
              - command: ["touch", "/tmp/ready"]
            pre_stop:
              - command: ./drain.sh
                environment: {GRACE: 5}
            """);

    assertThat(web.postStart())
        .containsExactly(
            new LifecycleHook(
                List.of("./migrate.sh", "--all", "two words"),
                "root",
                true,
                "/app",
                Map.of("FOO", "bar"),
                new Location(dir.resolve("compose.yaml"), 5)),
            new LifecycleHook(
                List.of("touch", "/tmp/ready"),
                null,
                false,
                null,
                Map.of(),
                new Location(dir.resolve("compose.yaml"), 10)));
    assertThat(web.preStop())
        .singleElement()
        .extracting(LifecycleHook::command, LifecycleHook::environment)
        .containsExactly(List.of("./drain.sh"), Map.of("GRACE", "5"));
  }

  @Test
  void readsPreStartStepsWhichAloneMayNameAnImage() throws IOException {
    ServiceSpec web =
        web(
            """
            pre_start:
              - command: ./migrate.sh
                image: example/migrations:2
                user: "1000"
              - command: ["chown", "-R", "1000", "/data"]
            """);

    assertThat(web.preStart())
        .extracting(LifecycleHook::command, LifecycleHook::image, LifecycleHook::user)
        .containsExactly(
            tuple(List.of("./migrate.sh"), "example/migrations:2", "1000"),
            tuple(List.of("chown", "-R", "1000", "/data"), null, null));
    assertThatThrownBy(() -> web("post_start:\n  - command: x\n    image: y\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'post_start[0].image' is not a key of a lifecycle hook");
  }

  @Test
  void aServiceWithoutHooksHasNone() throws IOException {
    ServiceSpec web = web("user: u");

    assertThat(web.postStart()).isEmpty();
    assertThat(web.preStop()).isEmpty();
  }

  @Test
  void rejectsAHookWithoutCommand() {
    assertThatThrownBy(() -> web("post_start:\n  - user: root\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "compose.yaml:5: service 'web': 'post_start[0]' has no 'command': add the command to"
                + " run");
  }

  @Test
  void rejectsAKeyAHookDoesNotHave() {
    assertThatThrownBy(() -> web("pre_stop:\n  - command: x\n    timeout: 5s\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "compose.yaml:6: service 'web': 'pre_stop[0].timeout' is not a key of a lifecycle"
                + " hook: use command, environment, privileged, user, working_dir");
  }
}
