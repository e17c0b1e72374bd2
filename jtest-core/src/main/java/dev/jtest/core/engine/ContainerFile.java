package dev.jtest.core.engine;

/**
 * A file or directory to put into a container before it starts.
 *
 * @param path absolute path inside the container
 * @param content the file's bytes, or {@code null} for a directory
 * @param mode Unix permission bits, e.g. {@code 0444}, or {@code 01777} for a directory anyone may
 *     write to
 * @param uid the numeric owner, {@code 0} for root
 * @param gid the numeric group, {@code 0} for root
 */
public record ContainerFile(String path, byte[] content, int mode, int uid, int gid) {

  /** A file or directory owned by root. */
  public ContainerFile(String path, byte[] content, int mode) {
    this(path, content, mode, 0, 0);
  }

  public boolean directory() {
    return content == null;
  }
}
