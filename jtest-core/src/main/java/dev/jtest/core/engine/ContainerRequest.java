package dev.jtest.core.engine;

import dev.jtest.core.compose.HealthSpec;
import dev.jtest.core.compose.IdentitySpec;
import dev.jtest.core.compose.MountSpec;
import dev.jtest.core.compose.PortSpec;
import dev.jtest.core.compose.ResourceSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything the engine needs to create one container. {@code null} keeps the image's setting.
 *
 * @param name the container name
 * @param image the image reference or id
 * @param hostName the container's host name, or {@code null} where the network mode gives it
 * @param command replaces the image's CMD
 * @param entrypoint replaces the image's ENTRYPOINT
 * @param environment {@code KEY=value} entries
 * @param labels the container's labels, jtest's own included
 * @param workingDir the working directory
 * @param user the user to run as
 * @param exposedPorts ports exposed besides the published ones
 * @param ports ports to publish
 * @param mounts volumes, binds and tmpfs; volume sources are engine volume names
 * @param network the network to join first, with {@code aliases}
 * @param aliases the names the container answers to on its networks
 * @param healthcheck the healthcheck, or {@code null} for the image's
 * @param stopSignal the signal that asks the process to stop
 * @param stopGracePeriod how long a stop waits before SIGKILL
 * @param identity domain name, hosts, DNS, terminal, platform, links, volumes from other
 *     containers, network mode and annotations, every service already named by its container
 * @param resources limits, privileges and namespaces; IPC and PID modes name containers, not
 *     services
 */
public record ContainerRequest(
    String name,
    String image,
    String hostName,
    List<String> command,
    List<String> entrypoint,
    List<String> environment,
    Map<String, String> labels,
    String workingDir,
    String user,
    List<Integer> exposedPorts,
    List<PortSpec> ports,
    List<MountSpec> mounts,
    String network,
    List<String> aliases,
    HealthSpec healthcheck,
    String stopSignal,
    Duration stopGracePeriod,
    IdentitySpec identity,
    ResourceSpec resources) {}
