package dev.jtest.core.engine;

/**
 * A file or directory to put into a container before it starts.
 *
 * @param path absolute path inside the container
 * @param content the file's bytes, or {@code null} for a directory
 * @param mode Unix permission bits, e.g. {@code 0444}, or {@code 01777} for a directory anyone may
 *     write to
 */
public record ContainerFile(String path, byte[] content, int mode) {

  public boolean directory() {
    return content == null;
  }
}
