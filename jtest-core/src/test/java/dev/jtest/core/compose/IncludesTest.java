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

class IncludesTest {

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return ComposeText.write(dir, name, text);
  }

  private ComposeModel load(Map<String, String> env, Path file) {
    return ComposeLoader.load(List.of(file), env, Set.of());
  }

  @Test
  void includesAProjectWithItsOwnDirectoryAndDotEnv() throws IOException {
    write("db/.env", "DB_IMAGE=postgres:16\nTAG=from-db\n");
    Files.createDirectories(dir.resolve("db/init"));
    write(
        "db/compose.yaml",
        """
        services:
          db:
            image: ${DB_IMAGE}
            labels: {tag: "${TAG}"}
            volumes: ["./init:/docker-entrypoint-initdb.d"]
        volumes:
          dbdata: {}
        """);
    write(".env", "TAG=from-main\n");
    Path file =
        write(
            "compose.yaml",
            """
            include:
              - db/compose.yaml
            services:
              api:
                image: api
                depends_on: [db]
            """);

    ComposeModel model = load(Map.of(), file);
    ServiceSpec db = model.services().get("db");

    assertThat(model.services()).containsOnlyKeys("api", "db");
    assertThat(db.image()).isEqualTo("postgres:16");
    assertThat(db.labels()).containsEntry("tag", "from-main");
    assertThat(db.mounts().get(0).source()).isEqualTo(dir.resolve("db/init").toString());
    assertThat(model.volumes()).containsKey("dbdata");
  }

  @Test
  void longSyntaxMergesItsPathsAndReadsItsEnvFileAndProjectDirectory() throws IOException {
    write("shared/vars.env", "VERSION=3\n");
    Files.createDirectories(dir.resolve("shared/data"));
    write("shared/sub/compose.yaml", "services:\n  cache:\n    image: redis:${VERSION}\n");
    write("shared/sub/override.yaml", "services:\n  cache:\n    volumes: [\"./data:/data\"]\n");
    Path file =
        write(
            "compose.yaml",
            """
            include:
              - path: [shared/sub/compose.yaml, shared/sub/override.yaml]
                project_directory: shared
                env_file: shared/vars.env
            services:
              api: {image: api}
            """);

    ServiceSpec cache = load(Map.of(), file).services().get("cache");

    assertThat(cache.image()).isEqualTo("redis:3");
    assertThat(cache.mounts().get(0).source()).isEqualTo(dir.resolve("shared/data").toString());
  }

  @Test
  void followsIncludesOfIncludedFiles() throws IOException {
    write("c/compose.yaml", "services:\n  c: {image: c}\n");
    write("b/compose.yaml", "include: [../c/compose.yaml]\nservices:\n  b: {image: b}\n");
    Path file = write("compose.yaml", "include: [b/compose.yaml]\nservices:\n  a: {image: a}\n");

    assertThat(load(Map.of(), file).services()).containsOnlyKeys("a", "b", "c");
  }

  @Test
  void rejectsAServiceDefinedBothInTheIncluderAndTheIncludedFile() throws IOException {
    write("db.yaml", "services:\n  db: {image: postgres}\n");
    Path file =
        write(
            "compose.yaml",
            """
            include:
              - db.yaml
            services:
              db: {image: mysql}
            """);

    assertThatThrownBy(() -> load(Map.of(), file))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "service 'db' is defined twice: at compose.yaml:4 and at db.yaml:2, which"
                + " compose.yaml:2 includes. Compose does not merge an included service with one"
                + " of the same name: rename one of them, or remove one definition");
  }

  @Test
  void namesIncludedFilesByTheirPathWhenTheyShareAName() throws IOException {
    write("a/compose.yaml", "services:\n  db: {image: postgres}\n");
    write("b/compose.yaml", "services:\n  db: {image: mysql}\n");
    Path file = write("compose.yaml", "include: [a/compose.yaml, b/compose.yaml]\nservices: {}\n");

    assertThatThrownBy(() -> load(Map.of(), file))
        .hasMessageStartingWith(
            "service 'db' is defined twice: at a/compose.yaml:2 and at b/compose.yaml:2, which"
                + " compose.yaml:1 includes.");
  }

  @Test
  void acceptsTheSameDefinitionIncludedTwice() throws IOException {
    write("db.yaml", "services:\n  db: {image: postgres}\n");
    write("a.yaml", "include: [db.yaml]\nservices:\n  a: {image: a}\n");
    Path file = write("compose.yaml", "include: [a.yaml, db.yaml]\nservices: {}\n");

    assertThat(load(Map.of(), file).services()).containsOnlyKeys("db", "a");
  }

  @Test
  void rejectsACycleNamingTheChain() throws IOException {
    write("a.yaml", "include:\n  - b.yaml\nservices:\n  a: {image: a}\n");
    write("b.yaml", "include:\n  - a.yaml\nservices:\n  b: {image: b}\n");
    Path file = write("compose.yaml", "include:\n  - a.yaml\nservices:\n  m: {image: m}\n");

    assertThatThrownBy(() -> load(Map.of(), file))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "'include' never ends: a.yaml:2 includes b.yaml, b.yaml:2 includes a.yaml. Remove"
                + " one of these includes");
  }

  @Test
  void rejectsAMissingFileNamingTheLineThatAskedForIt() throws IOException {
    Path file =
        write("compose.yaml", "services:\n  a: {image: a}\ninclude:\n  - path: gone.yaml\n");

    assertThatThrownBy(() -> load(Map.of(), file))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith(
            "compose.yaml:4: included file 'gone.yaml' does not exist (looked at "
                + dir.resolve("gone.yaml"));
  }

  @Test
  void rejectsMalformedEntries() throws IOException {
    Path noPath = write("a.yaml", "include:\n  - env_file: x.env\nservices:\n  a: {image: a}\n");
    Path typo = write("b.yaml", "include:\n  - paths: x.yaml\nservices:\n  a: {image: a}\n");
    Path notAList = write("c.yaml", "include: x.yaml\nservices:\n  a: {image: a}\n");

    assertThatThrownBy(() -> load(Map.of(), noPath))
        .hasMessage("a.yaml:2: an 'include' entry needs 'path:', the compose file to include");
    assertThatThrownBy(() -> load(Map.of(), typo))
        .hasMessage(
            "b.yaml:2: 'include' entries take path, project_directory and env_file, not 'paths':"
                + " did you mean 'path'?");
    assertThatThrownBy(() -> load(Map.of(), notAList))
        .hasMessageStartingWith("c.yaml:1: 'include' must be a list of paths");
  }

  @Test
  void fingerprintChangesWhenTheIncludedFileChanges() throws IOException {
    Path db = write("db.yaml", "services:\n  db: {image: postgres:15}\n");
    Path file = write("compose.yaml", "include: [db.yaml]\nservices:\n  a: {image: a}\n");
    String before = load(Map.of(), file).fingerprint();

    Files.writeString(db, "services:\n  db: {image: postgres:16}\n");

    assertThat(load(Map.of(), file).fingerprint()).isNotEqualTo(before);
  }
}
