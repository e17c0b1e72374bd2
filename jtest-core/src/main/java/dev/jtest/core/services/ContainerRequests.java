package dev.jtest.core.services;

import dev.jtest.core.compose.ComposeModel;
import dev.jtest.core.compose.IdentitySpec;
import dev.jtest.core.compose.MountSpec;
import dev.jtest.core.compose.PortSpec;
import dev.jtest.core.compose.ServiceSpec;
import dev.jtest.core.engine.ContainerRequest;
import dev.jtest.core.engine.PublishAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the engine is asked to create for a service of a run: a pure mapping from its compose spec,
 * the run's identity and the run's networks and volumes, with no engine call.
 *
 * @param identity the run, which names and labels every container
 * @param keep whether the run outlives the build ({@code jtest.keepRunning}), a label too
 * @param volumes the compose model's volumes by name, to name their engine volumes
 * @param networks the engine's network name by compose network name
 * @param address where published ports bind: a port on loopback moves to its bind address
 * @param copyBinds whether the engine may be on another machine, so that bind mounts are left out
 *     and their files copied in ({@link RemoteBinds})
 * @param linkAliases by service, the aliases other services' {@code links} reach it by ({@link
 *     #linkAliases(ComposeModel)})
 */
record ContainerRequests(
    RunIdentity identity,
    boolean keep,
    Map<String, ComposeModel.VolumeSpec> volumes,
    Map<String, String> networks,
    PublishAddress address,
    boolean copyBinds,
    Map<String, List<String>> linkAliases) {

  /** Requests for a model without {@code links}. */
  ContainerRequests(
      RunIdentity identity,
      boolean keep,
      Map<String, ComposeModel.VolumeSpec> volumes,
      Map<String, String> networks,
      PublishAddress address,
      boolean copyBinds) {
    this(identity, keep, volumes, networks, address, copyBinds, Map.of());
  }

  /**
   * By service, the aliases that other services' {@code links} give it. A link is a network alias:
   * on a user-defined network (a run has no other) Docker resolves {@code links: [db:database]} as
   * the alias {@code database} of db, seen by the linking service; Podman refuses legacy links
   * outright. jtest gives db that alias on its networks, so every engine resolves it, and every
   * service of the run (not only the linking one) can use it.
   */
  static Map<String, List<String>> linkAliases(ComposeModel model) {
    Map<String, List<String>> aliases = new LinkedHashMap<>();
    for (ServiceSpec spec : model.services().values()) {
      spec.identity()
          .links()
          .forEach(
              (target, alias) -> {
                List<String> known = aliases.computeIfAbsent(target, t -> new ArrayList<>());
                if (!alias.equals(target) && !known.contains(alias)) {
                  known.add(alias);
                }
              });
    }
    return aliases;
  }

  /** Requests for a local engine, whose ports bind to loopback. */
  ContainerRequests(
      RunIdentity identity,
      boolean keep,
      Map<String, ComposeModel.VolumeSpec> volumes,
      Map<String, String> networks) {
    this(identity, keep, volumes, networks, PublishAddress.LOCAL, false, Map.of());
  }

  /**
   * The container of {@code spec}, running {@code imageId}, changed by {@code adjustment}: its
   * environment entries replace the service's, its ports are published besides the service's. The
   * container joins the service's first network at creation, answering to the service's name; the
   * others are joined afterwards ({@link #laterNetworks}).
   */
  ContainerRequest request(ServiceSpec spec, String imageId, ServiceHooks.Adjustment adjustment) {
    return request(spec, imageId, adjustment, true);
  }

  /**
   * {@link #request(ServiceSpec, String, ServiceHooks.Adjustment)}, without the service's
   * annotations when the engine cannot take them ({@code annotations} is false: API before 1.43).
   */
  ContainerRequest request(
      ServiceSpec spec, String imageId, ServiceHooks.Adjustment adjustment, boolean annotations) {
    Map<String, String> env = new LinkedHashMap<>(spec.environment());
    env.putAll(adjustment.environment());
    List<String> environment = new ArrayList<>();
    env.forEach((k, v) -> environment.add(k + "=" + v));
    List<PortSpec> ports = new ArrayList<>();
    for (PortSpec port : spec.ports()) {
      ports.add(bound(port));
    }
    for (PortSpec port : adjustment.ports()) {
      ports.add(bound(port));
    }
    Map<String, String> labels = new LinkedHashMap<>(spec.labels());
    labels.putAll(identity.labels(spec.name(), keep));
    List<MountSpec> mounts = new ArrayList<>();
    for (MountSpec mount : spec.mounts()) {
      if (mount.type() == MountSpec.Type.VOLUME && mount.source() != null) {
        mounts.add(
            new MountSpec(
                mount.type(), volumeName(mount.source()), mount.target(), mount.readOnly()));
      } else {
        mounts.add(mount);
      }
    }
    IdentitySpec settings = spec.identity();
    return new ContainerRequest(
        containerName(spec),
        imageId,
        hostName(spec),
        spec.command(),
        spec.entrypoint(),
        environment,
        labels,
        spec.workingDir(),
        spec.user(),
        spec.expose(),
        ports,
        copyBinds ? RemoteBinds.mounted(mounts) : mounts,
        settings.networkMode() != null
            ? networkMode(settings)
            : networks.get(spec.networks().get(0)),
        settings.networkMode() != null ? List.of() : aliases(spec),
        spec.healthcheck(),
        spec.stopSignal(),
        spec.stopGracePeriod(),
        engineIdentity(annotations ? settings : settings.withoutAnnotations()),
        spec.resources().joining(identity::resourceName));
  }

  private PortSpec bound(PortSpec port) {
    String ip = address.bind(port.hostIp());
    return ip.equals(port.hostIp())
        ? port
        : new PortSpec(ip, port.hostPort(), port.containerPort(), port.protocol(), port.location());
  }

  /**
   * The container's host name: {@code hostname}, else the service's name; none in a network mode
   * that takes it from elsewhere (the host's, the other container's).
   */
  private static String hostName(ServiceSpec spec) {
    IdentitySpec settings = spec.identity();
    if (settings.hostname() != null) {
      return settings.hostname();
    }
    String mode = settings.networkMode();
    return mode == null || mode.equals("bridge") || mode.equals("none") ? spec.name() : null;
  }

  /** The container's name: {@code jtest-<run>-<service>}. */
  String containerName(ServiceSpec spec) {
    return identity.resourceName(spec.name());
  }

  /**
   * The service's identity settings as the engine takes them: the services that {@code
   * volumes_from} names become the containers of this run; links are none, as the linked service
   * answers to their aliases ({@link #linkAliases}).
   */
  private IdentitySpec engineIdentity(IdentitySpec settings) {
    Map<String, String> links = Map.of();
    List<IdentitySpec.VolumesFrom> volumesFrom = new ArrayList<>();
    for (IdentitySpec.VolumesFrom source : settings.volumesFrom()) {
      volumesFrom.add(
          source.container()
              ? source
              : new IdentitySpec.VolumesFrom(
                  identity.resourceName(source.source()), true, source.readOnly()));
    }
    return new IdentitySpec(
        settings.hostname(),
        settings.domainname(),
        settings.extraHosts(),
        settings.dns(),
        settings.dnsSearch(),
        settings.dnsOptions(),
        settings.macAddress(),
        settings.stdinOpen(),
        settings.tty(),
        settings.platform(),
        settings.pullPolicy(),
        links,
        volumesFrom,
        networkMode(settings),
        settings.annotations(),
        settings.containerName());
  }

  /** {@code network_mode} as the engine takes it: {@code service:db} is the run's db container. */
  private String networkMode(IdentitySpec settings) {
    String service = settings.networkService();
    return service == null ? settings.networkMode() : "container:" + identity.resourceName(service);
  }

  /** The engine names of the networks the container joins after its creation, in file order. */
  List<String> laterNetworks(ServiceSpec spec) {
    if (spec.identity().networkMode() != null) {
      return List.of();
    }
    return spec.networks().subList(1, spec.networks().size()).stream().map(networks::get).toList();
  }

  /**
   * The names the container answers to on each of its networks: the service's, its {@code
   * container_name}, and the aliases other services link to it by.
   */
  List<String> aliases(ServiceSpec spec) {
    List<String> aliases = new ArrayList<>(List.of(spec.name()));
    String containerName = spec.identity().containerName();
    if (containerName != null && !aliases.contains(containerName)) {
      aliases.add(containerName);
    }
    for (String alias : linkAliases.getOrDefault(spec.name(), List.of())) {
      if (!aliases.contains(alias)) {
        aliases.add(alias);
      }
    }
    return List.copyOf(aliases);
  }

  /** The engine volume of compose volume {@code name}: its own name when external. */
  private String volumeName(String name) {
    ComposeModel.VolumeSpec volume = volumes.get(name);
    if (volume.external()) {
      return volume.externalName() == null ? volume.name() : volume.externalName();
    }
    return identity.resourceName(volume.name());
  }
}
