package dev.jtest.core.engine;

import java.util.Map;

/**
 * An image present on the engine.
 *
 * @param reference the name it was looked up by, e.g. {@code debian:bookworm-slim}
 * @param id the image id ({@code sha256:…})
 * @param created when it was built, as the engine reports it (RFC 3339)
 * @param sizeBytes its size on disk
 * @param labels its labels, never {@code null}
 */
public record ImageFacts(
    String reference, String id, String created, long sizeBytes, Map<String, String> labels) {

  /** Whether {@code docker/engine.sh} seeded this image with debootstrap instead of pulling it. */
  public boolean seededLocally() {
    return labels.containsKey("dev.jtest.seeded");
  }
}
