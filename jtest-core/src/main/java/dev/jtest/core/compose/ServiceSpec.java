package dev.jtest.core.compose;

import dev.jtest.settings.EndpointContract;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One service of the merged, interpolated compose model. Collections are never {@code null}; {@code
 * image}, {@code build}, {@code command}, {@code entrypoint}, {@code healthcheck}, {@code
 * workingDir}, {@code user}, {@code stopGracePeriod} and {@code stopSignal} are {@code null} where
 * the compose file leaves them to the image or to the engine.
 *
 * @param name the service name, also its host name on the run's networks
 * @param location where the service is declared (in the last file that declares it)
 * @param image the image to run, or the tag for the built image when {@code build} is set too
 * @param build how to build the image, or {@code null} to use {@code image}
 * @param command replaces the image's CMD
 * @param entrypoint replaces the image's ENTRYPOINT
 * @param environment the container's environment, {@code env_file} entries first
 * @param ports published ports, in file order: the first is "the" port of the service
 * @param expose ports documented as reachable on the networks
 * @param mounts bind mounts, volumes and tmpfs mounts
 * @param dependsOn the services to wait for, with what to wait for, in file order
 * @param healthcheck the compose healthcheck, or {@code null} for the image's own
 * @param labels labels of the container, besides jtest's own
 * @param stopGracePeriod how long a stop waits before SIGKILL
 * @param profiles the profiles that enable this service; empty means always enabled
 * @param networks the networks the service joins; {@code default} when the file names none
 * @param readiness jtest's readiness conditions from {@code x-jtest.wait}
 * @param extension the whole {@code x-jtest} mapping, for capabilities that read more of it
 * @param identity its names, hosts, DNS, terminal, platform, pull policy and what it shares with
 *     other containers ({@link IdentitySpec#NONE} when the file sets none of them)
 * @param resources limits, privileges and namespaces ({@code cap_add}, {@code mem_limit}, …)
 * @param files the secrets and configs granted to the service, put into its container
 * @param postStart commands run in the container right after it starts, in order
 * @param preStop commands run in the container before it is stopped, in order
 * @param preStart init steps, each run to completion in a container of its own after the service's
 *     container is created and before it starts, in order
 */
public record ServiceSpec(
    String name,
    Location location,
    String image,
    BuildSpec build,
    List<String> command,
    List<String> entrypoint,
    Map<String, String> environment,
    List<PortSpec> ports,
    List<Integer> expose,
    List<MountSpec> mounts,
    Map<String, DependencyCondition> dependsOn,
    HealthSpec healthcheck,
    Map<String, String> labels,
    String workingDir,
    String user,
    Duration stopGracePeriod,
    String stopSignal,
    List<String> profiles,
    List<String> networks,
    WaitSpec readiness,
    Map<String, Object> extension,
    IdentitySpec identity,
    ResourceSpec resources,
    List<ServiceFile> files,
    List<LifecycleHook> postStart,
    List<LifecycleHook> preStop,
    List<LifecycleHook> preStart) {

  /**
   * The service's port by the endpoint contract's first-port rule (its first published TCP port),
   * the one {@code jtest.<service>.port} names and {@code x-jtest.wait.http} asks, if any.
   */
  public java.util.Optional<PortSpec> firstPort() {
    return EndpointContract.firstPort(ports, PortSpec::protocol);
  }
}
