package dev.jtest.core.coverage;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code target/jtest/coverage/harvest.json}: what the harvest at {@code jtest:stop} got from each
 * covered service, for the report at {@code verify} (a later goal, possibly a later build).
 */
public final class Harvest {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Harvest() {}

  record Entry(String service, String execFile, boolean complete, String problem) {}

  /**
   * Writes {@code results} to {@code dir}.
   *
   * @throws CoverageException when the file cannot be written
   */
  static void write(Path dir, List<ServiceCoverage> results) {
    Path file = dir.resolve("harvest.json");
    try {
      Files.createDirectories(dir);
      List<Entry> entries =
          results.stream()
              .sorted(Comparator.comparing(ServiceCoverage::service))
              .map(
                  r ->
                      new Entry(
                          r.service(),
                          r.execFile() == null ? null : r.execFile().toString(),
                          r.complete(),
                          r.problem()))
              .toList();
      JSON.writeValue(file.toFile(), entries);
    } catch (IOException e) {
      throw new CoverageException(
          "coverage: cannot write "
              + file
              + " ("
              + e.getMessage()
              + "): jtest:report needs it to find the harvested data; check that "
              + dir
              + " is writable",
          e);
    }
  }

  /** The harvest recorded in {@code dir}, sorted by service; empty when there was none. */
  public static Optional<List<ServiceCoverage>> read(Path dir) {
    Path file = dir.resolve("harvest.json");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      List<Entry> entries = JSON.readValue(file.toFile(), new TypeReference<List<Entry>>() {});
      return Optional.of(
          entries.stream()
              .map(
                  e ->
                      new ServiceCoverage(
                          e.service(),
                          e.execFile() == null ? null : Path.of(e.execFile()),
                          e.complete(),
                          e.problem()))
              .toList());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
