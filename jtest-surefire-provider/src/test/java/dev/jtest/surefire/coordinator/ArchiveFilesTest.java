package dev.jtest.surefire.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveFilesTest {

  @TempDir Path dir;

  @Test
  void removesWhatNoBuildUsedForADayWithItsArchive() throws IOException {
    FileTime old = FileTime.from(Instant.now().minus(Duration.ofDays(2)));
    for (String name : new String[] {"old.names", "old.jsa", "old.log", "order-1.txt"}) {
      Files.setLastModifiedTime(Files.writeString(dir.resolve(name), name), old);
    }
    Files.writeString(dir.resolve("new.names"), "");
    Files.writeString(dir.resolve("new.jsa"), "");
    Files.setLastModifiedTime(Files.writeString(dir.resolve("rest-2.jar"), ""), old);
    ArchiveFiles.used(dir.resolve("rest-2.jar"));

    ArchiveFiles.removeStale(dir);

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder("new.names", "new.jsa", "rest-2.jar");
    }
  }

  @Test
  void writesAManifestJarThatListsTheClassPath() throws IOException {
    Path jar = dir.resolve("rest-1.jar");

    ArchiveFiles.writeManifestJar(jar, "../../test-classes/ ../lib.jar");

    try (var file = new java.util.jar.JarFile(jar.toFile())) {
      assertThat(file.getManifest().getMainAttributes().getValue("Class-Path"))
          .isEqualTo("../../test-classes/ ../lib.jar");
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(jar);
    }
  }
}
