package dev.jtest.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

/** The archive that the engine unpacks at the container's root before the container starts. */
class ContainerFilesTest {

  @Test
  void packsFilesAndDirectoriesRelativeToTheRootWithTheirModes() throws IOException {
    byte[] archive =
        ContainerFiles.tar(
            List.of(
                new ContainerFile("/jtest", null, 01777),
                new ContainerFile(
                    "/jtest/agent.properties",
                    "port=6300\n".getBytes(StandardCharsets.UTF_8),
                    0444)));

    List<TarArchiveEntry> entries = new ArrayList<>();
    List<String> contents = new ArrayList<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(archive))) {
      for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.add(entry);
        contents.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }

    assertThat(entries)
        .extracting(TarArchiveEntry::getName)
        .containsExactly("jtest/", "jtest/agent.properties");
    assertThat(entries.get(0).isDirectory()).isTrue();
    assertThat(entries.get(0).getMode() & 07777).isEqualTo(01777);
    assertThat(entries.get(1).isFile()).isTrue();
    assertThat(entries.get(1).getMode() & 07777).isEqualTo(0444);
    assertThat(contents.get(1)).isEqualTo("port=6300\n");
  }

  @Test
  void givesEachFileItsOwnerAndGroupRootByDefault() throws IOException {
    byte[] archive =
        ContainerFiles.tar(
            List.of(
                new ContainerFile("/run/secrets/token", new byte[] {1}, 0440, 1000, 1001),
                new ContainerFile("/app_config", new byte[] {2}, 0444)));

    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(archive))) {
      TarArchiveEntry secret = in.getNextEntry();
      assertThat(secret.getLongUserId()).isEqualTo(1000);
      assertThat(secret.getLongGroupId()).isEqualTo(1001);
      TarArchiveEntry config = in.getNextEntry();
      assertThat(config.getLongUserId()).isZero();
      assertThat(config.getLongGroupId()).isZero();
    }
  }

  @Test
  void keepsPathsLongerThanTheOldTarLimit() throws IOException {
    String deep = "/jtest/" + "d".repeat(120) + "/classes.exec";

    byte[] archive = ContainerFiles.tar(List.of(new ContainerFile(deep, new byte[] {1}, 0644)));

    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(archive))) {
      assertThat(in.getNextEntry().getName()).isEqualTo(deep.substring(1));
    }
  }
}
