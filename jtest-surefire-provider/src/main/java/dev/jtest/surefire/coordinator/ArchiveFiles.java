package dev.jtest.surefire.coordinator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The files of {@code target/jtest/cds/}, written so that concurrent builds (shards, two terminals)
 * never see one half-written: each writes a temporary file and moves it into place.
 */
final class ArchiveFiles {

  /**
   * Files unused for this long are removed when an archive is dumped: a build that still runs with
   * one marked it used when it started.
   */
  private static final Duration STALE = Duration.ofDays(1);

  private ArchiveFiles() {}

  /** Writes a text file whole or not at all. */
  static void write(Path file, String text) throws IOException {
    writeAtomically(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Writes a jar with no entries whose manifest lists {@code classPath}, whole or not at all. */
  static void writeManifestJar(Path jar, String classPath) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
    writeAtomically(jar, out -> new JarOutputStream(out, manifest).close());
  }

  private interface Content {
    void write(OutputStream out) throws IOException;
  }

  private static void writeAtomically(Path file, Content content) throws IOException {
    Path temporary = Files.createTempFile(file.getParent(), file.getFileName() + "-", ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temporary)) {
        content.write(out);
      }
      move(temporary, file);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Moves {@code from} over {@code to} atomically where the file system can. */
  static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Marks a file as used by this build, so that {@link #removeStale} keeps it. */
  static void used(Path file) throws IOException {
    Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
  }

  /** Removes the workers' logs of an earlier run, so that those left are this run's. */
  static void deleteWorkerLogs(Path dir) throws IOException {
    try (DirectoryStream<Path> logs = Files.newDirectoryStream(dir, "worker-*.log")) {
      for (Path log : logs) {
        Files.deleteIfExists(log);
      }
    }
  }

  /**
   * Removes what earlier class paths and keys left and no build used for {@link #STALE}: an
   * archive's files go with its {@code .names}.
   */
  static void removeStale(Path dir) throws IOException {
    Instant before = Instant.now().minus(STALE);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.{names,txt,jar}")) {
      for (Path file : files) {
        if (Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
          String name = file.getFileName().toString();
          Files.deleteIfExists(file);
          if (name.endsWith(".names")) {
            String key = name.substring(0, name.length() - ".names".length());
            for (String suffix : new String[] {".jsa", ".log", ".failed"}) {
              Files.deleteIfExists(dir.resolve(key + suffix));
            }
          }
        }
      }
    }
  }
}
