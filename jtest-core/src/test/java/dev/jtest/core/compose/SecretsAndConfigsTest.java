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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsAndConfigsTest {

  @TempDir Path dir;

  @BeforeEach
  void files() throws IOException {
    Files.writeString(dir.resolve("token.txt"), "s3cret");
  }

  private List<ServiceFile> files(String service, String topLevel) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("compose.yaml"),
            "services:\n  web:\n    image: x\n" + service.indent(4) + topLevel);
    return ComposeLoader.load(List.of(file), Map.of(), Set.of()).services().get("web").files();
  }

  private void assertRejected(String service, String topLevel, String message) {
    assertThatThrownBy(() -> files(service, topLevel))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(message);
  }

  private static final String TOKEN = "secrets:\n  token:\n    file: ./token.txt\n";

  @Test
  void aShortSecretIsTheDeclaredFileAtRunSecretsReadableByAnyone() throws IOException {
    assertThat(files("secrets: [token]", TOKEN))
        .containsExactly(
            new ServiceFile(
                ServiceFile.Kind.SECRET,
                "token",
                "/run/secrets/token",
                dir.resolve("token.txt"),
                null,
                null,
                null,
                0444,
                new Location(dir.resolve("compose.yaml"), 4)));
  }

  @Test
  void aLongSecretTakesTargetOwnerAndOctalModeWithoutWriteBits() throws IOException {
    List<ServiceFile> files =
        files(
            """
            secrets:
              - {source: token, target: app.token, uid: "1000", gid: 1001, mode: 0640}
              - {source: token, target: /etc/token, mode: 0o500}
              - {source: token, target: t, mode: 288}
            """,
            TOKEN);

    assertThat(files)
        .extracting(ServiceFile::target, ServiceFile::uid, ServiceFile::gid, ServiceFile::mode)
        .containsExactly(
            tuple("/run/secrets/app.token", 1000, 1001, 0440),
            tuple("/etc/token", null, null, 0500),
            tuple("/run/secrets/t", null, null, 0440));
  }

  @Test
  void aConfigLandsAtTheRootByDefaultWithInlineOrEnvironmentContent() throws IOException {
    List<ServiceFile> files =
        files(
            "configs: [inline, {source: path, target: conf/path.txt}]",
            """
            configs:
              inline:
                content: |
                  a=1
              path:
                environment: PATH
            """);

    assertThat(files)
        .extracting(ServiceFile::kind, ServiceFile::target, ServiceFile::content)
        .containsExactly(
            tuple(ServiceFile.Kind.CONFIG, "/inline", "a=1\n"),
            tuple(ServiceFile.Kind.CONFIG, "/conf/path.txt", System.getenv("PATH")));
  }

  @Test
  void rejectsAnUndeclaredSecretSuggestingTheDeclaredOne() {
    assertRejected(
        "secrets: [tokn]",
        TOKEN,
        "compose.yaml:4: service 'web': uses secret 'tokn', which the top-level 'secrets:' does not"
            + " declare: declare it with 'file:': did you mean 'token'?");
  }

  @Test
  void rejectsAnExternalSecretNamingWhereItIsDeclared() {
    assertRejected(
        "secrets: [vault]",
        "secrets:\n  vault:\n    external: true\n",
        "compose.yaml:4: service 'web': uses secret 'vault', declared 'external: true' at "
            + "compose.yaml:6: external secrets live in a Swarm, which jtest does not use; declare it with"
            + " 'file:' or 'environment:' for the tests");
  }

  @Test
  void rejectsAMissingSecretFile() {
    assertRejected(
        "secrets: [gone]",
        "secrets:\n  gone:\n    file: ./gone.txt\n",
        "compose.yaml:7: secrets.gone.file './gone.txt': "
            + dir.resolve("gone.txt")
            + " does not exist: point it at a file, or create the file");
  }

  @Test
  void rejectsADeclarationWithoutOrWithTwoSources() {
    assertRejected(
        "user: u",
        "configs:\n  c:\n    name: c\n",
        "compose.yaml:6: config 'c' needs exactly one of 'file', 'environment', 'content' or 'external',"
            + " found none");
    assertRejected(
        "user: u",
        "configs:\n  c:\n    file: ./token.txt\n    content: x\n",
        "compose.yaml:6: config 'c' needs exactly one of 'file', 'environment', 'content' or 'external',"
            + " found file and content");
  }

  @Test
  void rejectsContentForASecret() {
    assertRejected(
        "user: u",
        "secrets:\n  s:\n    content: x\n",
        "compose.yaml:7: secret 's' has 'content', which only configs take: put it in a file and use"
            + " 'file'");
  }

  @Test
  void rejectsAnUnsetEnvironmentVariable() {
    assertRejected(
        "user: u",
        "secrets:\n  s:\n    environment: JTEST_SURELY_UNSET_VARIABLE\n",
        "compose.yaml:7: secrets.s.environment names the variable 'JTEST_SURELY_UNSET_VARIABLE', which"
            + " is not set: set it for the build, or use 'file'");
  }

  @Test
  void rejectsAModeOrIdThatIsNotANumber() {
    assertRejected(
        "secrets: [{source: token, mode: 0999}]",
        TOKEN,
        "compose.yaml:4: service 'web': 'secrets[0].mode' is '0999', not a file mode: write it in octal,"
            + " e.g. 0440");
    assertRejected(
        "secrets: [{source: token, uid: root}]",
        TOKEN,
        "compose.yaml:4: service 'web': 'secrets[0].uid' is 'root', not a numeric id: write e.g. uid:"
            + " 1000");
  }
}
