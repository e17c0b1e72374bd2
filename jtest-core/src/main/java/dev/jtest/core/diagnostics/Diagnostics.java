package dev.jtest.core.diagnostics;

import dev.jtest.core.engine.Engine;
import java.nio.file.Path;
import java.util.List;

/** Gathers what {@code jtest:diagnose} reports. */
public final class Diagnostics {

  /** The image every Dockerfile of jtest and its samples starts from. */
  public static final String BASE_IMAGE = "debian:bookworm-slim";

  private Diagnostics() {}

  /**
   * Asks {@code engine} about itself and the base image; {@code composeFiles} are reported as
   * given.
   */
  public static EngineDiagnosis diagnoseEngine(
      Engine engine, Path baseDir, List<Path> composeFiles) {
    return new EngineDiagnosis(
        engine.info(), BASE_IMAGE, engine.findImage(BASE_IMAGE), composeFiles, baseDir);
  }
}
