package dev.jtest.core.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What a service's container may use and do: its resource limits, privileges and kernel namespaces
 * (compose's {@code cap_add} … {@code blkio_config}, {@code deploy.resources}). All of it lands in
 * the engine's {@code HostConfig}, which is why it is one value. Collections are never {@code
 * null}; every other {@code null} leaves the setting to the engine, as an absent key does in {@code
 * docker compose}. Sizes are in bytes.
 *
 * @param capAdd capabilities to add, upper case without {@code CAP_} ({@code NET_ADMIN}, {@code
 *     ALL})
 * @param capDrop capabilities to drop, in the same form
 * @param privileged whether the container runs privileged
 * @param readOnly whether its root filesystem is read-only
 * @param securityOpt security options as the engine takes them (a seccomp profile file already read
 *     into its JSON)
 * @param sysctls kernel parameters by name
 * @param ulimits limits by name ({@code nofile})
 * @param shmSize the size of {@code /dev/shm}
 * @param init whether an init process runs as PID 1
 * @param memLimit the memory limit ({@code mem_limit} or {@code deploy.resources.limits.memory})
 * @param memReservation the memory soft limit
 * @param memswapLimit memory plus swap; {@code -1} for unlimited swap
 * @param memSwappiness 0 to 100
 * @param oomKillDisable whether the OOM killer spares the container
 * @param oomScoreAdj -1000 to 1000
 * @param nanoCpus the CPU limit in billionths of a CPU ({@code cpus} or {@code
 *     deploy.resources.limits.cpus})
 * @param cpuShares the relative CPU weight
 * @param cpuQuota the CFS quota in microseconds per period
 * @param cpuPeriod the CFS period in microseconds
 * @param cpuset the CPUs it may run on ({@code 0-3}, {@code 0,1})
 * @param pidsLimit the most processes it may have; {@code -1} for unlimited
 * @param devices host devices mapped into the container
 * @param groupAdd supplementary groups, by name or number
 * @param ipc the IPC mode; {@code service:<name>} until {@link #joining} names the container
 * @param pid the PID mode; {@code service:<name>} until {@link #joining} names the container
 * @param uts the UTS mode ({@code host})
 * @param usernsMode the user namespace mode ({@code host})
 * @param cgroup the cgroup namespace, {@code host} or {@code private}
 * @param cgroupParent the parent cgroup
 * @param storageOpt storage driver options ({@code size: 1G})
 * @param runtime the OCI runtime ({@code runc})
 * @param blkio block IO weights and rates
 * @param cpuRtPeriod the real-time scheduler's period in microseconds ({@code cpu_rt_period})
 * @param cpuRtRuntime the real-time runtime per period in microseconds ({@code cpu_rt_runtime})
 * @param deviceCgroupRules device cgroup rules such as {@code c 1:3 mr} ({@code
 *     device_cgroup_rules})
 */
public record ResourceSpec(
    List<String> capAdd,
    List<String> capDrop,
    boolean privileged,
    boolean readOnly,
    List<String> securityOpt,
    Map<String, String> sysctls,
    Map<String, Ulimit> ulimits,
    Long shmSize,
    Boolean init,
    Long memLimit,
    Long memReservation,
    Long memswapLimit,
    Long memSwappiness,
    Boolean oomKillDisable,
    Integer oomScoreAdj,
    Long nanoCpus,
    Integer cpuShares,
    Long cpuQuota,
    Long cpuPeriod,
    String cpuset,
    Long pidsLimit,
    List<Device> devices,
    List<String> groupAdd,
    String ipc,
    String pid,
    String uts,
    String usernsMode,
    String cgroup,
    String cgroupParent,
    Map<String, String> storageOpt,
    String runtime,
    Blkio blkio,
    Long cpuRtPeriod,
    Long cpuRtRuntime,
    List<String> deviceCgroupRules) {

  /** Nothing set: every setting left to the engine. */
  public static final ResourceSpec NONE = nothingBut(false);

  /** Only {@code privileged}: what a {@code pre_start} step with {@code privileged: true} gets. */
  public static final ResourceSpec PRIVILEGED = nothingBut(true);

  /** Every setting left to the engine except {@code privileged}. */
  private static ResourceSpec nothingBut(boolean privileged) {
    return new ResourceSpec(
        List.of(),
        List.of(),
        privileged,
        false,
        List.of(),
        Map.of(),
        Map.of(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        List.of(),
        null,
        null,
        null,
        null,
        null,
        null,
        Map.of(),
        null,
        Blkio.NONE,
        null,
        null,
        List.of());
  }

  /** The prefix of an IPC or PID mode that shares another service's namespace. */
  public static final String SERVICE_PREFIX = "service:";

  /**
   * A ulimit; a single number in the compose file is both limits.
   *
   * @param soft the limit enforced
   * @param hard the ceiling up to which the process may raise the soft limit
   */
  public record Ulimit(long soft, long hard) {}

  /**
   * A host device mapped into the container.
   *
   * @param source the path on the host, or a CDI name ({@code vendor.com/class=name})
   * @param target the path in the container
   * @param permissions cgroup permissions, some of {@code rwm}
   */
  public record Device(String source, String target, String permissions) {

    /** Whether {@code source} is a CDI device name, which the engine resolves itself. */
    public boolean cdi() {
      return !source.startsWith("/") && source.contains("=");
    }
  }

  /**
   * Block IO settings; rates are per device path.
   *
   * @param weight 10 to 1000, or {@code null}
   * @param weightDevice weights per device
   * @param readBps read bytes per second per device
   * @param writeBps write bytes per second per device
   * @param readIops read operations per second per device
   * @param writeIops write operations per second per device
   */
  public record Blkio(
      Integer weight,
      Map<String, Integer> weightDevice,
      Map<String, Long> readBps,
      Map<String, Long> writeBps,
      Map<String, Long> readIops,
      Map<String, Long> writeIops) {

    /** No block IO setting. */
    public static final Blkio NONE =
        new Blkio(null, Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
  }

  /** The services whose namespaces this one joins ({@code ipc} or {@code pid: service:db}). */
  public List<String> sharedServices() {
    List<String> services = new ArrayList<>();
    for (String mode : new String[] {ipc, pid}) {
      if (mode != null && mode.startsWith(SERVICE_PREFIX)) {
        services.add(mode.substring(SERVICE_PREFIX.length()));
      }
    }
    return services;
  }

  /**
   * What to do when the engine could not start a container with real-time settings because its own
   * cgroup has no real-time budget to hand out ({@code cpu.rt_runtime_us}: Docker must be started
   * with {@code --cpu-rt-runtime}); empty for any other failure.
   */
  public static String realTimeHint(ResourceSpec spec, String engineMessage) {
    if (spec.cpuRtRuntime() == null
        || engineMessage == null
        || !engineMessage.contains("cpu.rt_")) {
      return "";
    }
    return ". The engine could not give the container the real-time CPU time 'cpu_rt_runtime' asks"
        + " for: start dockerd with --cpu-rt-runtime (a budget for its containers) on a kernel with"
        + " CONFIG_RT_GROUP_SCHED, or remove cpu_rt_runtime";
  }

  /**
   * This spec with {@code service:<name>} modes turned into {@code container:<container>}, the
   * engine's form, by {@code containerOf}.
   */
  public ResourceSpec joining(UnaryOperator<String> containerOf) {
    return new ResourceSpec(
        capAdd,
        capDrop,
        privileged,
        readOnly,
        securityOpt,
        sysctls,
        ulimits,
        shmSize,
        init,
        memLimit,
        memReservation,
        memswapLimit,
        memSwappiness,
        oomKillDisable,
        oomScoreAdj,
        nanoCpus,
        cpuShares,
        cpuQuota,
        cpuPeriod,
        cpuset,
        pidsLimit,
        devices,
        groupAdd,
        container(ipc, containerOf),
        container(pid, containerOf),
        uts,
        usernsMode,
        cgroup,
        cgroupParent,
        storageOpt,
        runtime,
        blkio,
        cpuRtPeriod,
        cpuRtRuntime,
        deviceCgroupRules);
  }

  private static String container(String mode, UnaryOperator<String> containerOf) {
    return mode != null && mode.startsWith(SERVICE_PREFIX)
        ? "container:" + containerOf.apply(mode.substring(SERVICE_PREFIX.length()))
        : mode;
  }
}
