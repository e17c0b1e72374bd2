package dev.jtest.core.services;

import dev.jtest.core.ConfigurationException;
import dev.jtest.core.compose.ServiceFile;
import dev.jtest.core.compose.ServiceSpec;
import dev.jtest.core.engine.ContainerFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The secrets and configs of a service as files copied into its container before it starts. Compose
 * bind-mounts a file-based secret, which cannot take the {@code uid}, {@code gid} and {@code mode}
 * the file asks for, and cannot reach an engine on another machine; a copy does both, on every
 * engine. What the service could change in its copy never reaches the project's file.
 */
final class GrantedFiles {

  private GrantedFiles() {}

  /**
   * The files of {@code spec}'s secrets and configs, read now.
   *
   * @throws ConfigurationException naming the service, the secret or config and the file when it
   *     cannot be read
   */
  static List<ContainerFile> of(ServiceSpec spec) {
    List<ContainerFile> files = new ArrayList<>();
    for (ServiceFile file : spec.files()) {
      byte[] content;
      if (file.file() == null) {
        content = file.content().getBytes(StandardCharsets.UTF_8);
      } else {
        try {
          content = Files.readAllBytes(file.file());
        } catch (IOException e) {
          throw new ConfigurationException(
              file.location()
                  + ": service '"
                  + spec.name()
                  + "': cannot read "
                  + file.file()
                  + " for its "
                  + file.kind().noun()
                  + " '"
                  + file.name()
                  + "': "
                  + e);
        }
      }
      files.add(
          new ContainerFile(
              file.target(),
              content,
              file.mode(),
              file.uid() == null ? 0 : file.uid(),
              file.gid() == null ? 0 : file.gid()));
    }
    return files;
  }
}
