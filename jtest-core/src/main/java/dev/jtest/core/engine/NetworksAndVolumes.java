package dev.jtest.core.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.Map;

/** The networks and named volumes that a stack's containers share. */
final class NetworksAndVolumes {

  private final DockerClient client;

  NetworksAndVolumes(DockerClient client) {
    this.client = client;
  }

  /** Creates a bridge network and returns its id. */
  String createNetwork(String name, Map<String, String> labels, boolean internal) {
    try {
      return client
          .createNetworkCmd()
          .withName(name)
          .withDriver("bridge")
          .withInternal(internal)
          .withLabels(labels)
          .withCheckDuplicate(true)
          .exec()
          .getId();
    } catch (RuntimeException e) {
      throw EngineFailures.failure("create network " + name, e);
    }
  }

  /** Creates a named volume. */
  void createVolume(String name, Map<String, String> labels) {
    try {
      client.createVolumeCmd().withName(name).withLabels(labels).exec();
    } catch (RuntimeException e) {
      throw EngineFailures.failure("create volume " + name, e);
    }
  }

  /** Removes a network; a missing one is fine. */
  void removeNetwork(String id) {
    try {
      client.removeNetworkCmd(id).exec();
    } catch (NotFoundException e) {
      // Already gone.
    } catch (RuntimeException e) {
      throw EngineFailures.failure("remove network " + id, e);
    }
  }

  /** Removes a volume; a missing one is fine. */
  void removeVolume(String name) {
    try {
      client.removeVolumeCmd(name).exec();
    } catch (NotFoundException e) {
      // Already gone.
    } catch (RuntimeException e) {
      throw EngineFailures.failure("remove volume " + name, e);
    }
  }
}
