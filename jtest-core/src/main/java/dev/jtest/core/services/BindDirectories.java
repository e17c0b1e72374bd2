package dev.jtest.core.services;

import dev.jtest.core.ConfigurationException;
import dev.jtest.core.compose.ComposeModel;
import dev.jtest.core.compose.MountSpec;
import dev.jtest.core.compose.ServiceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Creates the host directory of each bind mount whose source does not exist, as {@code docker
 * compose up} does for the short syntax and for the long syntax unless {@code
 * bind.create_host_path} is {@code false} (which the model refuses already). jtest creates it
 * itself, owned by the user who runs the build, rather than leaving it to the engine, which would
 * create it owned by root, and only on its own machine.
 *
 * <p>The directories are the project's files, like compose's: they stay after the run.
 */
final class BindDirectories {

  private BindDirectories() {}

  /**
   * Creates the missing bind sources of {@code model}'s services.
   *
   * @return the directories created, sorted; empty when every source existed
   * @throws ConfigurationException naming the service and the path when one cannot be created
   */
  static List<Path> create(ComposeModel model) {
    Set<Path> created = new TreeSet<>();
    for (ServiceSpec spec : model.services().values()) {
      for (MountSpec mount : spec.mounts()) {
        if (mount.type() != MountSpec.Type.BIND) {
          continue;
        }
        Path source = Path.of(mount.source());
        if (Files.exists(source) || created.contains(source)) {
          continue;
        }
        try {
          Files.createDirectories(source);
        } catch (IOException e) {
          throw new ConfigurationException(
              spec.location()
                  + ": service '"
                  + spec.name()
                  + "' bind-mounts "
                  + source
                  + " at "
                  + mount.target()
                  + ", which does not exist, and jtest cannot create it ("
                  + e
                  + "): create it, or fix the path");
        }
        created.add(source);
      }
    }
    return new ArrayList<>(created);
  }

  /** The one info line about {@code created}, or {@code null} when nothing was created. */
  static String describe(List<Path> created) {
    if (created.isEmpty()) {
      return null;
    }
    List<String> names = created.stream().map(Path::toString).toList();
    return "created the missing bind-mount director"
        + (created.size() == 1 ? "y " : "ies ")
        + String.join(", ", names)
        + ", as docker compose up does (they are the project's files and stay)";
  }
}
