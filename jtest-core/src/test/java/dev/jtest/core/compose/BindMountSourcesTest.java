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

/** A bind mount whose host path does not exist, as compose treats it: created unless forbidden. */
class BindMountSourcesTest {

  @TempDir Path dir;

  private List<MountSpec> mounts(String volumes) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("compose.yaml"),
            "services:\n  web:\n    image: x\n    volumes:\n" + volumes.indent(6));
    return ComposeLoader.load(List.of(file), Map.of(), Set.of()).services().get("web").mounts();
  }

  @Test
  void acceptsAMissingShortSyntaxSourceWithoutCreatingItWhileLoading() throws IOException {
    assertThat(mounts("- ./data:/data"))
        .containsExactly(
            new MountSpec(MountSpec.Type.BIND, dir.resolve("data").toString(), "/data", false));
    assertThat(dir.resolve("data"))
        .as("created when the stack starts, not by reading")
        .doesNotExist();
  }

  @Test
  void acceptsAMissingLongSyntaxSourceByDefault() throws IOException {
    assertThat(mounts("- {type: bind, source: ./data, target: /data}")).hasSize(1);
    assertThat(
            mounts("- {type: bind, source: ./data, target: /data, bind: {create_host_path: true}}"))
        .hasSize(1);
  }

  @Test
  void rejectsAMissingSourceWhenCreateHostPathIsFalse() {
    assertThatThrownBy(
            () ->
                mounts(
                    """
                    - type: bind
                      source: ./data
                      target: /data
                      bind:
                        create_host_path: false
                    """))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "compose.yaml:9: service 'web': bind mount source "
                + dir.resolve("data")
                + " does not exist, and bind.create_host_path is false: create it or fix the path");
  }

  @Test
  void acceptsAnExistingSourceWhenCreateHostPathIsFalse() throws IOException {
    Files.createDirectories(dir.resolve("data"));

    assertThat(
            mounts(
                "- {type: bind, source: ./data, target: /data, bind: {create_host_path: false}}"))
        .hasSize(1);
  }
}
