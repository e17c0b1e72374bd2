package dev.jtest.core.diagnostics;

import dev.jtest.core.engine.EngineInfo;
import dev.jtest.core.engine.ImageFacts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code jtest:diagnose} found about the engine and the project's compose files.
 *
 * @param engine the engine's facts
 * @param baseImageName the image every jtest Dockerfile starts from
 * @param baseImage that image, when present on the engine
 * @param composeFiles the compose files jtest would use, in merge order; empty when none
 * @param baseDir the project directory, to show the files relative to it
 */
public record EngineDiagnosis(
    EngineInfo engine,
    String baseImageName,
    Optional<ImageFacts> baseImage,
    List<Path> composeFiles,
    Path baseDir) {

  /** The report as lines of text, for an adapter to print. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add("Engine endpoint: " + engine.endpoint() + " (" + engine.endpoint().origin() + ")");
    lines.add(
        "Engine version: "
            + engine.product()
            + " ("
            + engine.os()
            + ", kernel "
            + engine.kernel()
            + ", storage "
            + engine.storageDriver()
            + ")"
            + (engine.runsHealthchecks()
                ? ""
                : "; jtest runs the containers' healthchecks itself (Podman runs them only with"
                    + " systemd)"));
    lines.add(
        "API version: "
            + engine.apiVersion()
            + " (oldest accepted "
            + engine.minApiVersion()
            + ")");
    lines.add(
        "Base image "
            + baseImageName
            + ": "
            + baseImage
                .map(
                    image ->
                        "present, "
                            + image.id().substring(0, Math.min(19, image.id().length()))
                            + ", "
                            + megabytes(image.sizeBytes())
                            + (image.seededLocally() ? ", seeded locally by docker/engine.sh" : ""))
                .orElse("missing (run docker/engine.sh to pull or seed it)"));
    if (composeFiles.isEmpty()) {
      lines.add(
          "Compose files: none found in "
              + baseDir
              + " (looked for compose.yaml, compose.yml, docker-compose.yaml, docker-compose.yml)");
    } else {
      List<String> shown = new ArrayList<>();
      for (Path file : composeFiles) {
        shown.add(file.startsWith(baseDir) ? baseDir.relativize(file).toString() : file.toString());
      }
      lines.add("Compose files: " + String.join(", ", shown));
    }
    return List.copyOf(lines);
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.0f MB", bytes / 1_000_000.0);
  }
}
