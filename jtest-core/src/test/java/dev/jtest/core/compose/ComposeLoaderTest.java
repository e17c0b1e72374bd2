package dev.jtest.core.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jtest.core.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ComposeLoaderTest {

  @TempDir Path dir;

  private Path write(String name, String yaml) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml);
    return file;
  }

  private ComposeModel load(Map<String, String> env, Path... files) {
    return ComposeLoader.load(List.of(files), env, Set.of());
  }

  @Test
  void readsEverySupportedServiceKey() throws IOException {
    Files.createDirectories(dir.resolve("auth"));
    Files.writeString(dir.resolve("auth/Dockerfile"), "FROM debian:bookworm-slim\n");
    Files.createDirectories(dir.resolve("data"));
    write("app.env", "FROM_FILE=1\nOVERRIDDEN=file\n");
    Path file =
        write(
            "docker-compose.yml",
            """
            services:
              auth:
                build:
                  context: ./auth
                  args: [VERSION=2]
                  target: runtime
                command: java -jar "/app/auth.jar" --port 8080
                entrypoint: ["/bin/sh", "-c"]
                environment:
                  OVERRIDDEN: compose
                  PLAIN: "x"
                env_file: app.env
                ports: ["8080", "127.0.0.1:9000:9000", {target: 7000, published: "7001"}]
                expose: ["5005"]
                volumes:
                  - ./data:/data:ro
                  - cache:/cache
                  - type: tmpfs
                    target: /tmp
                depends_on:
                  db:
                    condition: service_healthy
                healthcheck:
                  test: ["CMD", "true"]
                  interval: 250ms
                  timeout: 1s
                  retries: 20
                  start_period: 2s
                labels: [team=core]
                working_dir: /app
                user: "1000"
                stop_grace_period: 1m30s
                stop_signal: SIGINT
                x-jtest:
                  wait:
                    http: health
                    tcp: 8080
                    log: "Started .* in"
                    command: ["test", "-f", "/ready"]
                    timeout: 90s
              db:
                image: debian:bookworm-slim
            volumes:
              cache:
            """);

    ComposeModel model = load(Map.of(), file);
    ServiceSpec auth = model.services().get("auth");

    assertThat(model.services()).containsOnlyKeys("auth", "db");
    assertThat(auth.location()).hasToString("docker-compose.yml:2");
    assertThat(auth.build().context()).isEqualTo(dir.resolve("auth"));
    assertThat(auth.build().args()).containsEntry("VERSION", "2");
    assertThat(auth.build().target()).isEqualTo("runtime");
    assertThat(auth.command()).containsExactly("java", "-jar", "/app/auth.jar", "--port", "8080");
    assertThat(auth.entrypoint()).containsExactly("/bin/sh", "-c");
    assertThat(auth.environment())
        .containsEntry("FROM_FILE", "1")
        .containsEntry("OVERRIDDEN", "compose")
        .containsEntry("PLAIN", "x");
    assertThat(auth.ports())
        .extracting(PortSpec::hostIp, PortSpec::hostPort, PortSpec::containerPort)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("127.0.0.1", null, 8080),
            org.assertj.core.groups.Tuple.tuple("127.0.0.1", 9000, 9000),
            org.assertj.core.groups.Tuple.tuple("127.0.0.1", 7001, 7000));
    assertThat(auth.ports().get(1).location()).hasToString("docker-compose.yml:13");
    assertThat(auth.expose()).containsExactly(5005);
    assertThat(auth.mounts())
        .containsExactly(
            new MountSpec(MountSpec.Type.BIND, dir.resolve("data").toString(), "/data", true),
            new MountSpec(MountSpec.Type.VOLUME, "cache", "/cache", false),
            new MountSpec(MountSpec.Type.TMPFS, null, "/tmp", false));
    assertThat(auth.dependsOn()).containsEntry("db", DependencyCondition.SERVICE_HEALTHY);
    assertThat(auth.healthcheck().test()).containsExactly("CMD", "true");
    assertThat(auth.healthcheck().interval()).isEqualTo(Duration.ofMillis(250));
    assertThat(auth.healthcheck().retries()).isEqualTo(20);
    assertThat(auth.healthcheck().startPeriod()).isEqualTo(Duration.ofSeconds(2));
    assertThat(auth.labels()).containsEntry("team", "core");
    assertThat(auth.workingDir()).isEqualTo("/app");
    assertThat(auth.user()).isEqualTo("1000");
    assertThat(auth.stopGracePeriod()).isEqualTo(Duration.ofSeconds(90));
    assertThat(auth.stopSignal()).isEqualTo("SIGINT");
    assertThat(auth.networks()).containsExactly("default");
    assertThat(auth.readiness().http()).isEqualTo("/health");
    assertThat(auth.readiness().tcp()).isEqualTo(8080);
    assertThat(auth.readiness().log().pattern()).isEqualTo("Started .* in");
    assertThat(auth.readiness().command()).containsExactly("test", "-f", "/ready");
    assertThat(auth.readiness().timeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(model.warnings()).isEmpty();
  }

  @Test
  void mergesLaterFilesAsDockerComposeDoes() throws IOException {
    Path base =
        write(
            "docker-compose.yml",
            """
            services:
              web:
                image: debian:bookworm-slim
                command: ["sleep", "1"]
                environment: {A: base, B: base}
                labels: {one: "1"}
                ports: ["8080"]
                volumes: ["/data", "/cache"]
            """);
    Path overlay =
        write(
            "ci/overlay.yml",
            """
            services:
              web:
                command: ["sleep", "2"]
                environment: [B=overlay, C=overlay]
                labels: {two: "2"}
                ports: ["9090", "8080"]
                volumes: ["cachevol:/cache"]
            volumes:
              cachevol: {}
            """);

    ServiceSpec web = load(Map.of(), base, overlay).services().get("web");

    assertThat(web.command()).containsExactly("sleep", "2");
    assertThat(web.environment())
        .containsExactly(
            Map.entry("A", "base"), Map.entry("B", "overlay"), Map.entry("C", "overlay"));
    assertThat(web.labels()).containsOnlyKeys("one", "two");
    assertThat(web.ports()).extracting(PortSpec::containerPort).containsExactly(8080, 9090);
    assertThat(web.mounts())
        .extracting(MountSpec::target, MountSpec::source)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/data", null),
            org.assertj.core.groups.Tuple.tuple("/cache", "cachevol"));
    assertThat(web.location().file()).isEqualTo(overlay);
  }

  @Test
  void interpolatesFromTheEnvironmentThenDotEnv() throws IOException {
    write(".env", "TAG=from-dotenv\nPORT=7000\n");
    Path file =
        write(
            "compose.yaml",
            """
            services:
              web:
                image: "debian:${TAG}"
                ports: ["${PORT}"]
                environment:
                  GREETING: ${GREETING:-hello}
                  LITERAL: "$$HOME"
            """);

    ServiceSpec web = load(Map.of("PORT", "7100"), file).services().get("web");

    assertThat(web.image()).isEqualTo("debian:from-dotenv");
    assertThat(web.ports().get(0).containerPort()).isEqualTo(7100);
    assertThat(web.environment())
        .containsEntry("GREETING", "hello")
        .containsEntry("LITERAL", "$HOME");
  }

  @Test
  void rejectsARequiredVariableThatIsUnsetNamingFileAndLine() throws IOException {
    Path file =
        write(
            "compose.yaml",
            """
            services:
              web:
                image: ${IMAGE:?set IMAGE to the image under test}
            """);

    assertThatThrownBy(() -> load(Map.of(), file))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith(
            "compose.yaml:3: variable IMAGE is not set: set IMAGE to the image under test.");
  }

  @Test
  void rejectsMalformedYamlNamingTheLine() throws IOException {
    Path file = write("compose.yaml", "services:\n  web:\n    image: [unclosed\n    ports: 1\n");

    assertThatThrownBy(() -> load(Map.of(), file))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageMatching("compose\\.yaml:\\d+: not valid YAML: .*");
  }

  @Test
  void rejectsAnUnknownDependencyNamingBothServices() throws IOException {
    Path file =
        write(
            "compose.yaml",
            """
            services:
              db:
                image: debian:bookworm-slim
              auth:
                image: debian:bookworm-slim
                depends_on: [db2]
            """);

    assertThatThrownBy(() -> load(Map.of(), file))
        .hasMessage(
            "compose.yaml:4: service 'auth': depends on unknown service 'db2' (known: auth, db)");
  }

  @Test
  void rejectsADependencyCycleNamingItsServices() throws IOException {
    Path file =
        write(
            "compose.yaml",
            """
            services:
              a: {image: x, depends_on: [b]}
              b: {image: x, depends_on: [c]}
              c: {image: x, depends_on: [a]}
            """);

    assertThatThrownBy(() -> load(Map.of(), file))
        .hasMessageStartingWith(
            "dependency cycle: a -> b -> c -> a (a at compose.yaml:2, b at compose.yaml:3, c at"
                + " compose.yaml:4)");
  }

  @Test
  void rejectsABadDuration() throws IOException {
    Path file =
        write(
            "compose.yaml",
            """
            services:
              db:
                image: x
                healthcheck:
                  test: ["CMD", "true"]
                  interval: 5 parsecs
            """);

    assertThatThrownBy(() -> load(Map.of(), file))
        .hasMessageStartingWith(
            "compose.yaml:6: service 'db': healthcheck.interval: '5 parsecs' is not a duration");
  }

  @Test
  void rejectsABadPortSpec() throws IOException {
    Path file = write("compose.yaml", "services:\n  web:\n    image: x\n    ports: [\"80x\"]\n");

    assertThatThrownBy(() -> load(Map.of(), file))
        .hasMessageStartingWith("compose.yaml:4: service 'web': port '80x' is not a port spec");
  }

  @Test
  void rejectsAMissingEnvFile() throws IOException {
    Path file =
        write("compose.yaml", "services:\n  web:\n    image: x\n    env_file: missing.env\n");

    assertThatThrownBy(() -> load(Map.of(), file))
        .hasMessageStartingWith(
            "compose.yaml:4: service 'web': env file " + dir.resolve("missing.env"));
  }

  @Test
  void rejectsAMissingBuildContext() throws IOException {
    Path file = write("compose.yaml", "services:\n  web:\n    build: ./nowhere\n");

    assertThatThrownBy(() -> load(Map.of(), file))
        .hasMessage(
            "compose.yaml:3: service 'web': build context "
                + dir.resolve("nowhere")
                + " does not exist: fix 'build.context' or create the directory");
  }

  @Test
  void warnsOnceForEachKeyItDoesNotSupport() throws IOException {
    Path file =
        write(
            "compose.yaml",
            """
            models: {}
            services:
              web:
                image: x
                tenant_mode: strict
                x-team: ignored-silently
                x-jtest:
                  wiat: {http: /}
            """);

    assertThat(load(Map.of(), file).warnings())
        .containsExactly(
            "compose.yaml:1: top-level key 'models' is not supported by jtest and is ignored",
            "compose.yaml:5: service 'web': key 'tenant_mode' is not supported by jtest and is"
                + " ignored",
            "compose.yaml:8: service 'web': x-jtest key 'wiat' is unknown and ignored (known:"
                + " cleanup, coverage, coverage-excludes, coverage-includes, wait)");
  }

  @Test
  void enablesProfiledServicesOnlyWhenAsked() throws IOException {
    Path file =
        write(
            "compose.yaml",
            """
            services:
              web: {image: x}
              debug: {image: x, profiles: [debug]}
            """);

    assertThat(ComposeLoader.load(List.of(file), Map.of(), Set.of()).services())
        .containsOnlyKeys("web");
    assertThat(ComposeLoader.load(List.of(file), Map.of(), Set.of("debug")).services())
        .containsOnlyKeys("web", "debug");
  }

  @Test
  void appliesYamlMergeKeys() throws IOException {
    Path file =
        write(
            "compose.yaml",
            """
            x-common: &common
              image: debian:bookworm-slim
              environment: {SHARED: "1"}
            services:
              a:
                <<: *common
                command: ["true"]
            """);

    ServiceSpec a = load(Map.of(), file).services().get("a");

    assertThat(a.image()).isEqualTo("debian:bookworm-slim");
    assertThat(a.environment()).containsEntry("SHARED", "1");
  }

  @Test
  void fingerprintIgnoresCommentsButNotValues() throws IOException {
    Path file = write("compose.yaml", "services:\n  web: {image: x}\n");
    String first = load(Map.of(), file).fingerprint();
    Files.writeString(file, "# a comment\nservices:\n  web: {image: x}\n");
    String commented = load(Map.of(), file).fingerprint();
    Files.writeString(file, "services:\n  web: {image: y}\n");

    assertThat(commented).isEqualTo(first);
    assertThat(load(Map.of(), file).fingerprint()).isNotEqualTo(first);
  }

  @Test
  void rejectsDependsOnWrittenAsAListOfMappingsNamingBothForms() throws IOException {
    Path file =
        write(
            "compose.yaml",
            """
            services:
              api: {image: x}
              web:
                image: x
                depends_on:
                  - api: {condition: service_healthy}
            """);

    assertThatThrownBy(() -> load(Map.of(), file))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "compose.yaml:6: service 'web': 'depends_on[0]' must be a service name, found a"
                + " mapping (api: {condition: service_healthy}): write depends_on as a list of"
                + " names ([api, db]) or as a mapping of names to conditions ({api: {condition:"
                + " service_healthy}})");
  }

  @Test
  void rejectsCommandWrittenAsAMappingNamingKeyAndForms() throws IOException {
    Path file =
        write(
            "compose.yaml",
            """
            services:
              web:
                image: x
                command: {run: server}
            """);

    assertThatThrownBy(() -> load(Map.of(), file))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "compose.yaml:4: service 'web': 'command' must be a string or a list of strings,"
                + " found a mapping (run: server)");
  }

  @Test
  void rejectsAHealthcheckTestWrittenAsAMapping() throws IOException {
    Path file =
        write(
            "compose.yaml",
            """
            services:
              web:
                image: x
                healthcheck:
                  test: {cmd: exit 0}
            """);

    assertThatThrownBy(() -> load(Map.of(), file))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith(
            "compose.yaml:5: service 'web': 'healthcheck.test' must be a string or a list of"
                + " strings starting with CMD, CMD-SHELL or NONE, found a mapping (cmd: exit 0)");
  }

  @Test
  void rejectsADuplicateKeyNamingBothLines() throws IOException {
    Path file =
        write(
            "compose.yaml",
            """
            services:
              web:
                image: first
                ports: ["8080"]
                image: second
            """);

    assertThatThrownBy(() -> load(Map.of(), file))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "compose.yaml:5: service 'web': 'image' is defined twice (first at line 3): keep"
                + " one of them");
  }

  static Stream<Arguments> filesWithoutServices() {
    return Stream.of(
        Arguments.of("services:\n", "'services:' at line 1 is empty. Declare"),
        Arguments.of("# nothing yet\n", "the file is empty. Declare"),
        Arguments.of(
            "version: \"3\"\n", "it has no 'services:' key (top-level keys: version). Declare"),
        Arguments.of(
            "sevices:\n  web: {image: x}\n",
            "it has no 'services:' key; 'sevices' at line 1: did you mean 'services'? Declare"));
  }

  @ParameterizedTest
  @MethodSource("filesWithoutServices")
  void rejectsAFileWithNoServicesSayingWhy(String content, String why) throws IOException {
    Path file = write("compose.yaml", content);

    assertThatThrownBy(() -> load(Map.of(), file))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("no services in compose.yaml: " + why);
  }

  @Test
  void warnsOfAProfileNoServiceHasNamingTheProfilesThatExist() throws IOException {
    Path file =
        write(
            "compose.yaml",
            """
            services:
              web: {image: x}
              debug: {image: x, profiles: [debug]}
              tools: {image: x, profiles: [tools, debug]}
            """);

    ComposeModel model = ComposeLoader.load(List.of(file), Map.of(), Set.of("nosuch"));

    assertThat(model.services()).containsOnlyKeys("web");
    assertThat(model.warnings())
        .containsExactly(
            "-Djtest.profiles: no service of compose.yaml has the profile 'nosuch' (profiles:"
                + " debug, tools)");
  }
}
