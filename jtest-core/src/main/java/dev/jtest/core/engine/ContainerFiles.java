package dev.jtest.core.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Files copied into and out of containers, as the tar archives the engine takes and gives. */
final class ContainerFiles {

  private final DockerClient client;

  ContainerFiles(DockerClient client) {
    this.client = client;
  }

  /** Puts {@code files} into a created container, before it starts. */
  void copyTo(String id, List<ContainerFile> files) {
    String operation = "copy files into container " + id;
    byte[] archive;
    try {
      archive = tar(files);
    } catch (IOException e) {
      throw EngineFailures.failure(operation, e);
    }
    try {
      client
          .copyArchiveToContainerCmd(id)
          .withTarInputStream(new ByteArrayInputStream(archive))
          .withRemotePath("/")
          .exec();
    } catch (RuntimeException e) {
      throw EngineFailures.failure(operation, e);
    }
  }

  /** The content of one file in a container, running or stopped; empty when there is none. */
  Optional<byte[]> read(String id, String path) {
    String operation = "copy " + path + " out of container " + id;
    try (InputStream in = client.copyArchiveFromContainerCmd(id, path).exec();
        TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      TarArchiveEntry entry = tar.getNextEntry();
      while (entry != null && entry.isDirectory()) {
        entry = tar.getNextEntry();
      }
      return entry == null ? Optional.empty() : Optional.of(tar.readAllBytes());
    } catch (NotFoundException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      throw EngineFailures.failure(operation, e);
    }
  }

  /** {@code files} as one tar archive, paths relative to the container's root. */
  static byte[] tar(List<ContainerFile> files) throws IOException {
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(tar)) {
      out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (ContainerFile file : files) {
        String name = file.path().replaceFirst("^/", "") + (file.directory() ? "/" : "");
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode((file.directory() ? 040000 : 0100000) | file.mode());
        entry.setUserId(file.uid());
        entry.setGroupId(file.gid());
        if (!file.directory()) {
          entry.setSize(file.content().length);
        }
        out.putArchiveEntry(entry);
        if (!file.directory()) {
          out.write(file.content());
        }
        out.closeArchiveEntry();
      }
    }
    return tar.toByteArray();
  }
}
