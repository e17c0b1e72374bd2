package dev.jtest.core.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.ContainerNetwork;
import dev.jtest.core.JtestException;
import dev.jtest.core.compose.ResourceSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The engine's containers through their life: created, joined, started, inspected, ended. */
final class Containers {

  private final DockerClient client;

  Containers(DockerClient client) {
    this.client = client;
  }

  /**
   * Creates a container, not yet started, and returns its id; {@code warnings} hears each setting
   * the engine accepted but could not apply.
   */
  String create(ContainerRequest request, Consumer<String> warnings) {
    if (request.resources().devices().stream().anyMatch(ResourceSpec.Device::cdi)) {
      Optional<String> why = ResourceMapping.unsupported(request.resources(), apiVersion());
      if (why.isPresent()) {
        throw new JtestException("cannot create container " + request.name() + ": " + why.get());
      }
    }
    CreateContainerCmd command =
        ContainerRequestMapping.fill(client.createContainerCmd(request.image()), request);
    CreateContainerResponse response;
    try {
      response = command.exec();
    } catch (RuntimeException e) {
      throw EngineFailures.failure("create container " + request.name(), e);
    }
    if (response.getWarnings() != null) {
      for (String warning : response.getWarnings()) {
        if (warning != null && !warning.isBlank()) {
          warnings.accept(ResourceMapping.explain(warning.strip()));
        }
      }
    }
    return response.getId();
  }

  /** The API version the engine speaks, e.g. {@code 1.41}. */
  private String apiVersion() {
    try {
      return client.versionCmd().exec().getApiVersion();
    } catch (RuntimeException e) {
      throw EngineFailures.failure("read the engine's version", e);
    }
  }

  /** Joins a created container to a further network. */
  void connectNetwork(String containerId, String network, List<String> aliases) {
    try {
      client
          .connectToNetworkCmd()
          .withContainerId(containerId)
          .withNetworkId(network)
          .withContainerNetwork(new ContainerNetwork().withAliases(aliases))
          .exec();
    } catch (RuntimeException e) {
      throw EngineFailures.failure("connect container to network " + network, e);
    }
  }

  /** Starts a created container; {@code name} names it in a failure. */
  void start(String id, String name) {
    try {
      client.startContainerCmd(id).exec();
    } catch (NotModifiedException e) {
      // Already running.
    } catch (RuntimeException e) {
      throw EngineFailures.failure("start container " + name, e);
    }
  }

  /** The container's current state, or empty when it no longer exists. */
  Optional<ContainerFacts> inspect(String id) {
    InspectContainerResponse response;
    try {
      response = client.inspectContainerCmd(id).exec();
    } catch (NotFoundException e) {
      return Optional.empty();
    } catch (RuntimeException e) {
      throw EngineFailures.failure("inspect container " + id, e);
    }
    return Optional.of(ContainerFactsMapping.facts(response));
  }

  /** Asks the container to stop with its stop signal, killing it after {@code grace}. */
  void stop(String id, Duration grace) {
    try {
      client.stopContainerCmd(id).withTimeout((int) Math.max(0, grace.toSeconds())).exec();
    } catch (NotModifiedException | NotFoundException e) {
      // Already stopped, or gone: the goal is reached.
    } catch (RuntimeException e) {
      throw EngineFailures.failure("stop container " + id, e);
    }
  }

  /** Kills the container at once; one gone or not running is fine. */
  void kill(String id) {
    try {
      client.killContainerCmd(id).exec();
    } catch (NotFoundException | ConflictException e) {
      // Gone, or not running.
    } catch (RuntimeException e) {
      throw EngineFailures.failure("kill container " + id, e);
    }
  }

  /** Removes a container and its anonymous volumes, running or not; a missing one is fine. */
  void remove(String id) {
    try {
      client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
    } catch (NotFoundException e) {
      // Already gone.
    } catch (DockerException e) {
      // A second removal of the same container (teardown racing a sweep) reaches the same goal.
      if (!String.valueOf(e.getMessage()).contains("already in progress")) {
        throw EngineFailures.failure("remove container " + id, e);
      }
    } catch (RuntimeException e) {
      throw EngineFailures.failure("remove container " + id, e);
    }
  }
}
