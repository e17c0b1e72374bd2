package dev.jtest.core.engine;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.VolumeOptions;
import dev.jtest.core.compose.HealthSpec;
import dev.jtest.core.compose.MountSpec;
import dev.jtest.core.compose.PortSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link ContainerRequest} into docker-java's create command: what the engine's {@code
 * POST /containers/create} receives. Pure: it only sets fields, and leaves the image's setting
 * wherever the request says {@code null}.
 */
final class ContainerRequestMapping {

  private ContainerRequestMapping() {}

  /** Fills {@code command} (created for {@code request.image()}) from {@code request}. */
  static CreateContainerCmd fill(CreateContainerCmd command, ContainerRequest request) {
    List<ExposedPort> exposed = new ArrayList<>();
    Ports bindings = new Ports();
    for (PortSpec port : request.ports()) {
      ExposedPort target =
          new ExposedPort(port.containerPort(), InternetProtocol.parse(port.protocol()));
      exposed.add(target);
      bindings.bind(
          target,
          port.hostPort() == null
              ? Ports.Binding.bindIp(port.hostIp())
              : Ports.Binding.bindIpAndPort(port.hostIp(), port.hostPort()));
    }
    for (Integer port : request.exposedPorts()) {
      exposed.add(ExposedPort.tcp(port));
    }
    HostConfig host =
        HostConfig.newHostConfig()
            .withPortBindings(bindings)
            .withMounts(mounts(request))
            .withNetworkMode(request.network());
    IdentityMapping.fill(host, request.identity());
    if (request.hostName() != null) {
      command.withHostName(request.hostName());
    }
    ResourceMapping.fill(host, request.resources());
    command
        .withName(request.name())
        .withLabels(request.labels())
        .withEnv(request.environment())
        .withExposedPorts(exposed)
        .withHostConfig(host);
    // No endpoint settings where the network mode is not a network (none, host, container:…).
    if (!request.aliases().isEmpty()) {
      command.withAliases(request.aliases());
    }
    IdentityMapping.fill(command, request.identity());
    if (request.command() != null) {
      command.withCmd(request.command());
    }
    if (request.entrypoint() != null) {
      command.withEntrypoint(request.entrypoint());
    }
    if (request.workingDir() != null) {
      command.withWorkingDir(request.workingDir());
    }
    if (request.user() != null) {
      command.withUser(request.user());
    }
    if (request.stopSignal() != null) {
      command.withStopSignal(request.stopSignal());
    }
    if (request.stopGracePeriod() != null) {
      command.withStopTimeout((int) Math.max(0, request.stopGracePeriod().toSeconds()));
    }
    if (request.healthcheck() != null) {
      command.withHealthcheck(healthCheck(request.healthcheck()));
    }
    return command;
  }

  private static List<Mount> mounts(ContainerRequest request) {
    List<Mount> mounts = new ArrayList<>();
    for (MountSpec spec : request.mounts()) {
      Mount mount = new Mount().withTarget(spec.target()).withReadOnly(spec.readOnly());
      switch (spec.type()) {
        case BIND -> mount.withType(MountType.BIND).withSource(spec.source());
        case TMPFS -> mount.withType(MountType.TMPFS);
        case VOLUME -> {
          mount.withType(MountType.VOLUME).withSource(spec.source());
          // Anonymous volumes carry the run's labels too, so a sweep can find them.
          mount.withVolumeOptions(new VolumeOptions().withLabels(request.labels()));
        }
      }
      mounts.add(mount);
    }
    return mounts;
  }

  /** The engine's healthcheck: durations in nanoseconds, unset fields left to the engine. */
  static HealthCheck healthCheck(HealthSpec spec) {
    HealthCheck check = new HealthCheck();
    if (!spec.test().isEmpty()) {
      check.withTest(spec.test());
    }
    if (spec.interval() != null) {
      check.withInterval(spec.interval().toNanos());
    }
    if (spec.timeout() != null) {
      check.withTimeout(spec.timeout().toNanos());
    }
    if (spec.startPeriod() != null) {
      check.withStartPeriod(spec.startPeriod().toNanos());
    }
    if (spec.retries() != null) {
      check.withRetries(spec.retries());
    }
    if (spec.startInterval() != null) {
      // Engines before API 1.44 ignore the field; the stack says so once (HealthStartInterval).
      check.withStartInterval(spec.startInterval().toNanos());
    }
    return check;
  }
}
