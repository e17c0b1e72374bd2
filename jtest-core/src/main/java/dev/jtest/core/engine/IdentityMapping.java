package dev.jtest.core.engine;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.VolumesFrom;
import dev.jtest.core.compose.IdentitySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a request's {@link IdentitySpec} into docker-java's create command and host config, beside
 * {@link ContainerRequestMapping}. Pure; unset values are left to the engine.
 */
final class IdentityMapping {

  private IdentityMapping() {}

  /** The container-level settings: domain name, MAC address, terminal, platform. */
  static void fill(CreateContainerCmd command, IdentitySpec identity) {
    if (identity.domainname() != null) {
      command.withDomainName(identity.domainname());
    }
    if (identity.macAddress() != null) {
      command.withMacAddress(identity.macAddress());
    }
    if (identity.stdinOpen()) {
      command.withStdinOpen(true);
    }
    if (identity.tty()) {
      command.withTty(true);
    }
    if (identity.platform() != null) {
      command.withPlatform(identity.platform());
    }
  }

  /**
   * The host-level settings: hosts, DNS, volumes from other containers, annotations. {@code
   * volumes_from} names containers already ({@code ContainerRequests} resolves services).
   */
  static void fill(HostConfig host, IdentitySpec identity) {
    if (!identity.extraHosts().isEmpty()) {
      host.withExtraHosts(identity.extraHosts().toArray(String[]::new));
    }
    if (!identity.dns().isEmpty()) {
      host.withDns(identity.dns());
    }
    if (!identity.dnsSearch().isEmpty()) {
      host.withDnsSearch(identity.dnsSearch());
    }
    if (!identity.dnsOptions().isEmpty()) {
      host.withDnsOptions(identity.dnsOptions());
    }
    if (!identity.volumesFrom().isEmpty()) {
      List<VolumesFrom> sources = new ArrayList<>();
      for (IdentitySpec.VolumesFrom source : identity.volumesFrom()) {
        sources.add(
            new VolumesFrom(source.source(), source.readOnly() ? AccessMode.ro : AccessMode.rw));
      }
      host.withVolumesFrom(sources);
    }
    if (!identity.annotations().isEmpty()) {
      host.withAnnotations(identity.annotations());
    }
  }
}
