package dev.jtest.core.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.jtest.core.compose.ServiceSpec;
import dev.jtest.core.engine.ContainerFile;
import dev.jtest.core.testing.ComposeText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrantedFilesTest {

  @TempDir Path dir;

  @Test
  void readsSecretFilesAndConfigContentIntoFilesWithTheirOwnersAndModes() throws Exception {
    Files.writeString(dir.resolve("token.txt"), "s3cret");
    ServiceSpec web =
        ComposeText.load(
                dir,
                """
                services:
                  web:
                    image: example/web:1
                    secrets: [{source: token, uid: "70", gid: "71", mode: 0400}]
                    configs: [greeting]
                secrets:
                  token: {file: ./token.txt}
                configs:
                  greeting: {content: hi}
                """)
            .services()
            .get("web");

    assertThat(GrantedFiles.of(web))
        .extracting(
            ContainerFile::path,
            file -> new String(file.content(), StandardCharsets.UTF_8),
            ContainerFile::mode,
            ContainerFile::uid,
            ContainerFile::gid)
        .containsExactly(
            tuple("/run/secrets/token", "s3cret", 0400, 70, 71),
            tuple("/greeting", "hi", 0444, 0, 0));
  }
}
