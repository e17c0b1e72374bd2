package dev.jtest.core.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jtest.core.ConfigurationException;
import dev.jtest.core.testing.ComposeText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceExtendsTest {

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return ComposeText.write(dir, name, text);
  }

  private ComposeModel load(Path file) {
    return ComposeLoader.load(List.of(file), Map.of(), Set.of());
  }

  @Test
  void extendsAServiceOfTheSameFileWithComposeMergeRules() throws IOException {
    Path file =
        write(
            "compose.yaml",
            """
            services:
              base:
                image: app:1
                command: ["serve"]
                environment: {TZ: utc, PORT: "80"}
                ports: ["8080:80"]
                volumes: ["cache:/data"]
              cli:
                extends:
                  service: base
                command: ["run"]
                environment: {PORT: "8080"}
                ports: ["9090:90"]
                volumes: ["other:/data:ro"]
            volumes:
              cache: {}
              other: {}
            """);

    ComposeModel model = load(file);
    ServiceSpec cli = model.services().get("cli");

    assertThat(model.services()).containsOnlyKeys("base", "cli");
    assertThat(cli.image()).isEqualTo("app:1");
    assertThat(cli.command()).containsExactly("run");
    assertThat(cli.environment()).containsEntry("TZ", "utc").containsEntry("PORT", "8080");
    assertThat(cli.ports()).extracting(PortSpec::containerPort).containsExactly(80, 90);
    assertThat(cli.mounts())
        .singleElement()
        .satisfies(m -> assertThat(m.source()).isEqualTo("other"));
  }

  @Test
  void extendsAServiceOfAnotherFileResolvingItsPathsAgainstItsDirectory() throws IOException {
    write("common/app/Dockerfile", "FROM debian:bookworm-slim\n");
    write("common/base.env", "FROM_BASE=1\n");
    Files.createDirectories(dir.resolve("common/data"));
    write(
        "common/services.yml",
        """
        services:
          webapp:
            build: ./app
            env_file: ./base.env
            volumes: ["./data:/data"]
          unrelated:
            image: never-used
        """);
    Path file =
        write(
            "compose.yaml",
            """
            services:
              web:
                extends:
                  file: common/services.yml
                  service: webapp
                environment: {OWN: "1"}
            """);

    ComposeModel model = load(file);
    ServiceSpec web = model.services().get("web");

    assertThat(model.services()).containsOnlyKeys("web");
    assertThat(web.build().context()).isEqualTo(dir.resolve("common/app"));
    assertThat(web.environment()).containsEntry("FROM_BASE", "1").containsEntry("OWN", "1");
    assertThat(web.mounts().get(0).source()).isEqualTo(dir.resolve("common/data").toString());
  }

  @Test
  void followsAChainOfExtendsAcrossFiles() throws IOException {
    write(
        "base.yml",
        """
        services:
          root:
            image: busybox
            user: root
          common:
            extends: root
            working_dir: /srv
        """);
    Path file =
        write(
            "compose.yaml",
            """
            services:
              cli:
                extends: {file: base.yml, service: common}
            """);

    ServiceSpec cli = load(file).services().get("cli");

    assertThat(cli.image()).isEqualTo("busybox");
    assertThat(cli.user()).isEqualTo("root");
    assertThat(cli.workingDir()).isEqualTo("/srv");
  }

  @Test
  void resetInTheExtendingServiceRemovesAnInheritedValue() throws IOException {
    Path file =
        write(
            "compose.yaml",
            """
            services:
              base:
                image: app
                ports: ["8080"]
                user: "1000"
              quiet:
                extends: base
                ports: !reset []
                user: !reset null
            """);

    ServiceSpec quiet = load(file).services().get("quiet");

    assertThat(quiet.ports()).isEmpty();
    assertThat(quiet.user()).isNull();
  }

  @Test
  void inheritsDependsOnAsComposeDoes() throws IOException {
    Path file =
        write(
            "compose.yaml",
            """
            services:
              db: {image: db}
              base:
                image: app
                depends_on: [db]
              api:
                extends: base
            """);

    assertThat(load(file).services().get("api").dependsOn()).containsOnlyKeys("db");
  }

  @Test
  void rejectsACycleNamingTheChainWithFilesAndLines() throws IOException {
    Path file =
        write(
            "compose.yaml",
            """
            services:
              a:
                image: x
                extends: b
              b:
                extends:
                  service: a
            """);

    assertThatThrownBy(() -> load(file))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "'extends' never ends: a (compose.yaml:4) → b (compose.yaml:6) → a. Compose refuses a"
                + " service that extends itself through others: remove one of these 'extends'");
  }

  @Test
  void rejectsAServiceThatExtendsItself() throws IOException {
    Path file = write("compose.yaml", "services:\n  a:\n    image: x\n    extends: a\n");

    assertThatThrownBy(() -> load(file))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("'extends' never ends: a (compose.yaml:4) → a.");
  }

  @Test
  void rejectsAnUnknownServiceNamingTheServicesTheFileHas() throws IOException {
    write("base.yml", "services:\n  webapp: {image: x}\n  worker: {image: x}\n");
    Path file =
        write(
            "compose.yaml",
            """
            services:
              web:
                extends: {file: base.yml, service: wepapp}
            """);

    assertThatThrownBy(() -> load(file))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "compose.yaml:3: service 'web': 'extends' names service 'wepapp', which base.yml does"
                + " not define (its services: webapp, worker): did you mean 'webapp'?");
  }

  @Test
  void rejectsAMissingFileNamingTheLineThatAskedForIt() throws IOException {
    Path file =
        write(
            "compose.yaml",
            """
            services:
              web:
                image: x
                extends:
                  file: nowhere.yml
                  service: base
            """);

    assertThatThrownBy(() -> load(file))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith(
            "compose.yaml:4: service 'web': 'extends.file' names 'nowhere.yml', which does not"
                + " exist (looked at "
                + dir.resolve("nowhere.yml"));
  }

  @Test
  void rejectsExtendsWithoutServiceOrWithAnUnknownKey() throws IOException {
    Path noService =
        write("a.yaml", "services:\n  web:\n    image: x\n    extends: {file: b.yml}\n");
    Path unknownKey =
        write("b.yaml", "services:\n  web:\n    image: x\n    extends: {services: x}\n");

    assertThatThrownBy(() -> load(noService))
        .hasMessageStartingWith("a.yaml:4: service 'web': 'extends' needs 'service:'");
    assertThatThrownBy(() -> load(unknownKey))
        .hasMessage(
            "b.yaml:4: service 'web': 'extends' takes 'service:' and 'file:', not 'services':"
                + " did you mean 'service'?");
  }

  @Test
  void fingerprintChangesWhenTheExtendedFileChanges() throws IOException {
    Path base = write("base.yml", "services:\n  webapp: {image: x:1}\n");
    Path file =
        write(
            "compose.yaml", "services:\n  web:\n    extends: {file: base.yml, service: webapp}\n");
    String before = load(file).fingerprint();

    Files.writeString(base, "services:\n  webapp: {image: x:2}\n");

    assertThat(load(file).fingerprint()).isNotEqualTo(before);
  }

  @Test
  void warnsOnceAboutAnUnsupportedKeyOfAServiceExtendedTwice() throws IOException {
    write(
        "base.yml", "services:\n  webapp:\n    image: x\n    x-note: ok\n    privileged2: true\n");
    Path file =
        write(
            "compose.yaml",
            """
            services:
              a:
                extends: {file: base.yml, service: webapp}
              b:
                extends: {file: base.yml, service: webapp}
            """);

    assertThat(load(file).warnings())
        .filteredOn(w -> w.contains("privileged2"))
        .singleElement()
        .satisfies(w -> assertThat(w).startsWith("base.yml:5: service 'webapp'"));
  }
}
