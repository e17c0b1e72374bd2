package dev.jtest.core.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jtest.core.ConfigurationException;
import dev.jtest.core.compose.ComposeModel;
import dev.jtest.core.compose.MountSpec;
import dev.jtest.core.compose.ServiceSpec;
import dev.jtest.core.engine.ContainerFile;
import dev.jtest.core.services.RemoteBinds.Kind;
import dev.jtest.core.testing.ComposeText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bind mounts on a remote engine: the decision is pure; the copy reads a temporary tree. */
class RemoteBindsTest {

  private static final String ENGINE = "tcp://docker.ci:2376";

  @TempDir Path dir;

  private ComposeModel model(String volume) throws Exception {
    return ComposeText.load(
        dir,
        """
        services:
          web:
            image: example/web:1
            volumes: ["%s"]
        """
            .formatted(volume));
  }

  private ServiceSpec web(ComposeModel model) {
    return model.services().get("web");
  }

  private static MountSpec bind(String source) {
    return new MountSpec(MountSpec.Type.BIND, source, "/etc/app", true);
  }

  @Test
  void copiesFilesAndDirectories() throws Exception {
    Files.writeString(dir.resolve("app.conf"), "x");
    ServiceSpec web = web(model("./app.conf:/etc/app.conf:ro"));

    for (Kind kind : List.of(Kind.FILE, Kind.DIRECTORY)) {
      assertThatCode(() -> RemoteBinds.check(web, bind("/srv/conf"), ENGINE, kind))
          .doesNotThrowAnyException();
    }
  }

  @Test
  void refusesSocketsDevicesAndPipesNamingServicePathAndWhatToDo() throws Exception {
    Files.writeString(dir.resolve("app.conf"), "x");
    ServiceSpec web = web(model("./app.conf:/etc/app.conf:ro"));

    assertThatThrownBy(() -> RemoteBinds.check(web, bind("/run/app.sock"), ENGINE, Kind.SPECIAL))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("service 'web' bind-mounts /run/app.sock at /etc/app")
        .hasMessageContaining("the engine at tcp://docker.ci:2376 may be on another machine")
        .hasMessageContaining("socket, device or pipe")
        .hasMessageContaining("unset DOCKER_HOST");
  }

  @Test
  void refusesTheLocalEnginesSocketWhateverItIs() throws Exception {
    Files.writeString(dir.resolve("app.conf"), "x");
    ServiceSpec web = web(model("./app.conf:/etc/app.conf:ro"));

    for (Kind kind : Kind.values()) {
      assertThatThrownBy(() -> RemoteBinds.check(web, bind("/var/run/docker.sock"), ENGINE, kind))
          .as(kind.name())
          .hasMessageContaining("this machine's Docker socket, not the remote engine's");
    }
  }

  @Test
  void refusesAMissingPathRatherThanStartWithAnEmptyDirectory() throws Exception {
    Files.writeString(dir.resolve("app.conf"), "x");
    ServiceSpec web = web(model("./app.conf:/etc/app.conf:ro"));

    assertThatThrownBy(() -> RemoteBinds.check(web, bind("/gone"), ENGINE, Kind.MISSING))
        .hasMessageContaining("service 'web' bind-mounts /gone")
        .hasMessageContaining("does not exist here either");
  }

  @Test
  void checksEveryBindOfTheModelBeforeAnythingStarts() throws Exception {
    Files.writeString(dir.resolve("app.conf"), "x");
    ComposeModel model = model("./app.conf:/etc/app.conf:ro");

    assertThatThrownBy(() -> RemoteBinds.check(model, ENGINE, path -> Kind.SPECIAL))
        .hasMessageContaining("app.conf at /etc/app.conf");
    assertThatCode(() -> RemoteBinds.check(model, ENGINE, RemoteBinds::kindOf))
        .doesNotThrowAnyException();
  }

  @Test
  void tellsFilesDirectoriesAndMissingPathsApart() throws Exception {
    Files.writeString(dir.resolve("f"), "x");

    assertThat(RemoteBinds.kindOf(dir.resolve("f"))).isEqualTo(Kind.FILE);
    assertThat(RemoteBinds.kindOf(dir)).isEqualTo(Kind.DIRECTORY);
    assertThat(RemoteBinds.kindOf(dir.resolve("nothing"))).isEqualTo(Kind.MISSING);
  }

  @Test
  void copiesATreeUnderTheTargetWithoutWriteBitsWhenReadOnly() throws Exception {
    Path conf = Files.createDirectories(dir.resolve("conf/sub"));
    Files.writeString(conf.resolve("a.txt"), "hello");
    Files.setPosixFilePermissions(
        conf.resolve("a.txt"), PosixFilePermissions.fromString("rw-r--r--"));
    ServiceSpec web = web(model("./conf:/etc/conf:ro"));

    List<ContainerFile> files = RemoteBinds.files(web);

    assertThat(files)
        .extracting(ContainerFile::path)
        .containsExactlyInAnyOrder("/etc/conf", "/etc/conf/sub", "/etc/conf/sub/a.txt");
    ContainerFile file =
        files.stream().filter(f -> f.path().endsWith("a.txt")).findFirst().orElseThrow();
    assertThat(new String(file.content(), StandardCharsets.UTF_8)).isEqualTo("hello");
    assertThat(file.mode()).isEqualTo(0444);
  }

  @Test
  void leavesBindsOutOfTheMountsAndKeepsTheRest() {
    MountSpec volume = new MountSpec(MountSpec.Type.VOLUME, "data", "/data", false);

    assertThat(RemoteBinds.mounted(List.of(bind("/srv/conf"), volume))).containsExactly(volume);
  }
}
