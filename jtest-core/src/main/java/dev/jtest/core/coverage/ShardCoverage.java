package dev.jtest.core.coverage;

import dev.jtest.core.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jacoco.core.tools.ExecFileLoader;

/**
 * Combines the coverage that the shards of a CI run harvested (each its own {@code
 * target/jtest/coverage/harvest.json} and {@code <service>.exec} files) into one harvest, service
 * by service: a service's execution data from every shard is merged with JaCoCo's {@link
 * ExecFileLoader} (a probe covered in any shard is covered), so the report groups per service as
 * for one run.
 */
public final class ShardCoverage {

  private ShardCoverage() {}

  /**
   * Merges the harvests.
   *
   * @param harvestFiles the shards' {@code harvest.json} files, in the order their problems are
   *     told
   * @param outputDir where the merged {@code <service>.exec} files go
   * @return one entry per service, sorted by service: its merged data, or none when no shard had
   *     any; {@code problem} joins what went wrong in each shard, prefixed with the shard's
   *     directory
   * @throws ConfigurationException when a file is not a jtest harvest
   * @throws CoverageException when the data cannot be read or written
   */
  public static List<ServiceCoverage> merge(List<Path> harvestFiles, Path outputDir) {
    Map<String, List<Path>> data = new TreeMap<>();
    Map<String, List<String>> problems = new TreeMap<>();
    Map<String, Boolean> complete = new TreeMap<>();
    for (Path file : harvestFiles) {
      Path dir = file.toAbsolutePath().getParent();
      List<ServiceCoverage> harvest =
          Harvest.read(dir)
              .orElseThrow(
                  () ->
                      new ConfigurationException(
                          "coverage: "
                              + file
                              + " is not a harvest that jtest:stop wrote: name the shards'"
                              + " target/jtest/coverage directories"));
      for (ServiceCoverage service : harvest) {
        data.computeIfAbsent(service.service(), s -> new ArrayList<>());
        problems.computeIfAbsent(service.service(), s -> new ArrayList<>());
        Optional<Path> exec = locate(service.execFile(), dir);
        exec.ifPresent(data.get(service.service())::add);
        complete.merge(
            service.service(), exec.isPresent() && service.complete(), Boolean::logicalAnd);
        if (service.problem() != null) {
          problems.get(service.service()).add(dir + ": " + service.problem());
        } else if (service.execFile() != null && exec.isEmpty()) {
          problems
              .get(service.service())
              .add(dir + ": the data file " + service.execFile().getFileName() + " is missing");
        }
      }
    }
    List<ServiceCoverage> merged = new ArrayList<>();
    for (Map.Entry<String, List<Path>> service : data.entrySet()) {
      String name = service.getKey();
      List<String> told = problems.get(name);
      String problem = told.isEmpty() ? null : String.join("\n", told);
      if (service.getValue().isEmpty()) {
        merged.add(new ServiceCoverage(name, null, false, problem));
      } else {
        merged.add(
            new ServiceCoverage(
                name, save(name, service.getValue(), outputDir), complete.get(name), problem));
      }
    }
    return merged;
  }

  /**
   * The data file a harvest names: where it was written when that is still there, else beside the
   * harvest (a shard's directory downloaded from CI lives elsewhere than where it ran).
   */
  private static Optional<Path> locate(Path execFile, Path harvestDir) {
    if (execFile == null) {
      return Optional.empty();
    }
    Path beside = harvestDir.resolve(execFile.getFileName().toString());
    if (Files.isRegularFile(beside)) {
      return Optional.of(beside);
    }
    return Files.isRegularFile(execFile) ? Optional.of(execFile) : Optional.empty();
  }

  private static Path save(String service, List<Path> files, Path outputDir) {
    Path out = outputDir.resolve(service + ".exec");
    try {
      ExecFileLoader loader = new ExecFileLoader();
      for (Path file : files) {
        loader.load(file.toFile());
      }
      Files.createDirectories(outputDir);
      loader.save(out.toFile(), false);
      return out;
    } catch (IOException e) {
      throw new CoverageException(
          "coverage: cannot merge the shards' data of service '"
              + service
              + "' into "
              + out
              + " ("
              + e.getMessage()
              + "): check that "
              + files
              + " are readable and "
              + outputDir
              + " is writable",
          e);
    }
  }
}
