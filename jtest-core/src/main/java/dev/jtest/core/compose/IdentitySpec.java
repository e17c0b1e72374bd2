package dev.jtest.core.compose;

import java.util.List;
import java.util.Map;

/**
 * Who a service's container is on its network and how it is made: its names, the hosts and DNS it
 * resolves with, its terminal, its image's platform and pull policy, what it shares with other
 * containers. Collections are never {@code null}; a {@code null} text leaves the setting to the
 * engine or the image.
 *
 * @param hostname the container's host name ({@code hostname}), or {@code null} for the service
 *     name
 * @param domainname the container's domain name ({@code domainname})
 * @param extraHosts {@code /etc/hosts} entries as the engine takes them, {@code host:ip} (IPv6
 *     without brackets, {@code host-gateway} kept), one per address
 * @param dns DNS servers ({@code dns})
 * @param dnsSearch DNS search domains ({@code dns_search})
 * @param dnsOptions resolver options ({@code dns_opt})
 * @param macAddress the container's MAC address ({@code mac_address})
 * @param stdinOpen whether STDIN stays open ({@code stdin_open})
 * @param tty whether the container gets a pseudo-terminal ({@code tty})
 * @param platform the image platform, {@code os[/arch[/variant]]} ({@code platform})
 * @param pullPolicy when the image is pulled ({@code pull_policy})
 * @param links other services by name, each with the alias it is reached by ({@code links})
 * @param volumesFrom the services and containers whose volumes are mounted ({@code volumes_from})
 * @param networkMode {@code none}, {@code host}, {@code bridge}, {@code service:<name>} or {@code
 *     container:<name>}, or {@code null} for the run's networks ({@code network_mode})
 * @param annotations OCI annotations of the container ({@code annotations}, engine API 1.43+)
 * @param containerName the {@code container_name}, which the container answers to as a network
 *     alias (jtest names the container itself), or {@code null}
 */
public record IdentitySpec(
    String hostname,
    String domainname,
    List<String> extraHosts,
    List<String> dns,
    List<String> dnsSearch,
    List<String> dnsOptions,
    String macAddress,
    boolean stdinOpen,
    boolean tty,
    String platform,
    PullPolicy pullPolicy,
    Map<String, String> links,
    List<VolumesFrom> volumesFrom,
    String networkMode,
    Map<String, String> annotations,
    String containerName) {

  /** Nothing set: the engine's and the image's defaults, images pulled when missing. */
  public static final IdentitySpec NONE =
      new IdentitySpec(
          null,
          null,
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          null,
          false,
          false,
          null,
          PullPolicy.MISSING,
          Map.of(),
          List.of(),
          null,
          Map.of(),
          null);

  /** The service named by {@code network_mode: service:<name>}, or {@code null}. */
  public String networkService() {
    return networkMode != null && networkMode.startsWith("service:")
        ? networkMode.substring("service:".length())
        : null;
  }

  /** This identity with no annotations, for an engine older than API 1.43. */
  public IdentitySpec withoutAnnotations() {
    return new IdentitySpec(
        hostname,
        domainname,
        extraHosts,
        dns,
        dnsSearch,
        dnsOptions,
        macAddress,
        stdinOpen,
        tty,
        platform,
        pullPolicy,
        links,
        volumesFrom,
        networkMode,
        Map.of(),
        containerName);
  }

  /**
   * The volumes of a service or a container, mounted at the same paths.
   *
   * @param source a service name, or the container's name when {@code container} is set
   * @param container whether {@code source} names a container outside the compose file
   * @param readOnly whether the mounts are read-only ({@code :ro})
   */
  public record VolumesFrom(String source, boolean container, boolean readOnly) {}

  /**
   * When jtest pulls a service's image ({@code pull_policy}).
   *
   * <p>{@code daily}, {@code weekly} and {@code every_<duration>} read as {@link #MISSING}: the
   * engine does not record when an image was pulled, so jtest cannot tell whether one is older than
   * that.
   */
  public enum PullPolicy {
    /** Pull when the engine does not have the image ({@code missing}, {@code if_not_present}). */
    MISSING,
    /** Pull before every run, so that a moved tag is followed ({@code always}). */
    ALWAYS,
    /** Never pull: the image must be on the engine already ({@code never}). */
    NEVER,
    /** Build the image from the service's {@code build:} section ({@code build}). */
    BUILD
  }
}
