package dev.jtest.core.services;

import dev.jtest.core.ConfigurationException;
import dev.jtest.core.compose.ComposeModel;
import dev.jtest.core.compose.MountSpec;
import dev.jtest.core.compose.ServiceSpec;
import dev.jtest.core.engine.ContainerFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Bind mounts of local paths on an engine that may be on another machine, where the path does not
 * exist: as Testcontainers does, a file or directory is copied into the created container through
 * the engine before it starts; anything else is refused before any service starts. A service never
 * starts with an empty directory where its files were expected.
 *
 * <p>A copy is not a mount: what the service writes stays in its container, and what changes
 * locally afterwards does not reach it. A read-only bind becomes files without write permission.
 */
final class RemoteBinds {

  /** What a bind mount's source is on this machine. */
  enum Kind {
    FILE,
    DIRECTORY,
    MISSING,
    /** A socket, device or pipe: nothing that can be copied. */
    SPECIAL
  }

  /** More than this is better served by a volume than by copies held in memory. */
  static final long MAX_BYTES = 64L * 1024 * 1024;

  private RemoteBinds() {}

  /**
   * Fails, naming the service and the path, when a bind mount of {@code model} cannot be copied to
   * a remote engine. Pure but for {@code kindOf}.
   *
   * @throws ConfigurationException for a socket, a device or pipe, an engine socket, or a missing
   *     path
   */
  static void check(ComposeModel model, String engine, Function<Path, Kind> kindOf) {
    for (ServiceSpec spec : model.services().values()) {
      for (MountSpec mount : spec.mounts()) {
        if (mount.type() == MountSpec.Type.BIND) {
          check(spec, mount, engine, kindOf.apply(Path.of(mount.source())));
        }
      }
    }
  }

  /** The decision for one bind mount whose source is {@code kind}. */
  static void check(ServiceSpec spec, MountSpec mount, String engine, Kind kind) {
    String head =
        spec.location()
            + ": service '"
            + spec.name()
            + "' bind-mounts "
            + mount.source()
            + " at "
            + mount.target()
            + ", but the engine at "
            + engine
            + " may be on another machine, where that path is not";
    if (isEngineSocket(mount.source())) {
      throw new ConfigurationException(
          head
              + ": it is this machine's Docker socket, not the remote engine's. Mount the remote"
              + " engine's own socket with a named volume or remove the mount, or run against a"
              + " local engine (unset DOCKER_HOST).");
    }
    switch (kind) {
      case FILE, DIRECTORY -> {}
      case MISSING ->
          throw new ConfigurationException(
              head + ": it does not exist here either. Create it, or fix the path.");
      case SPECIAL ->
          throw new ConfigurationException(
              head
                  + ": it is a socket, device or pipe, which jtest cannot copy there. Remove the"
                  + " mount, or run against a local engine (unset DOCKER_HOST).");
    }
  }

  /** What a path is, as the check needs it. */
  static Kind kindOf(Path path) {
    if (Files.isRegularFile(path)) {
      return Kind.FILE;
    }
    if (Files.isDirectory(path)) {
      return Kind.DIRECTORY;
    }
    return Files.exists(path) ? Kind.SPECIAL : Kind.MISSING;
  }

  /** The service's mounts on a remote engine: all but its binds, which are copied instead. */
  static List<MountSpec> mounted(List<MountSpec> mounts) {
    return mounts.stream().filter(m -> m.type() != MountSpec.Type.BIND).toList();
  }

  /**
   * The files to copy into the container of {@code spec} in place of its bind mounts, read now.
   *
   * @throws ConfigurationException when a source cannot be read, holds a socket or device, or is
   *     larger than {@link #MAX_BYTES}
   */
  static List<ContainerFile> files(ServiceSpec spec) {
    List<ContainerFile> files = new ArrayList<>();
    long[] total = {0};
    for (MountSpec mount : spec.mounts()) {
      if (mount.type() != MountSpec.Type.BIND) {
        continue;
      }
      Path source = Path.of(mount.source());
      try (Stream<Path> tree = Files.walk(source)) {
        for (Path path : tree.toList()) {
          String target = mount.target() + containerSuffix(source, path);
          files.add(file(spec, mount, path, target, total));
        }
      } catch (IOException e) {
        throw new ConfigurationException(
            "service '"
                + spec.name()
                + "': cannot read "
                + source
                + " to copy it to the remote engine: "
                + e.getMessage());
      }
    }
    return files;
  }

  private static ContainerFile file(
      ServiceSpec spec, MountSpec mount, Path path, String target, long[] total)
      throws IOException {
    int mode = mode(path) & (mount.readOnly() ? ~0222 : ~0);
    if (Files.isDirectory(path)) {
      return new ContainerFile(target, null, mode);
    }
    if (!Files.isRegularFile(path)) {
      throw new ConfigurationException(
          "service '"
              + spec.name()
              + "': "
              + path
              + " in bind mount "
              + mount.source()
              + " is a socket, device or pipe, which jtest cannot copy to a remote engine");
    }
    total[0] += Files.size(path);
    if (total[0] > MAX_BYTES) {
      throw new ConfigurationException(
          "service '"
              + spec.name()
              + "': its bind mounts hold more than "
              + MAX_BYTES / (1024 * 1024)
              + " MiB, too much to copy to a remote engine at each start: put the data in a"
              + " named volume, or into the image");
    }
    return new ContainerFile(target, Files.readAllBytes(path), mode);
  }

  private static String containerSuffix(Path root, Path path) {
    String relative = root.relativize(path).toString().replace('\\', '/');
    return relative.isEmpty() ? "" : "/" + relative;
  }

  private static int mode(Path path) throws IOException {
    Set<PosixFilePermission> permissions;
    try {
      permissions = Files.getPosixFilePermissions(path, new LinkOption[0]);
    } catch (UnsupportedOperationException e) {
      return Files.isDirectory(path) ? 0755 : 0644;
    }
    int mode = 0;
    for (PosixFilePermission permission : permissions) {
      mode |= 1 << (8 - permission.ordinal());
    }
    return mode;
  }

  private static boolean isEngineSocket(String source) {
    Path name = Path.of(source).getFileName();
    return name != null
        && (name.toString().equals("docker.sock") || name.toString().equals("podman.sock"));
  }
}
