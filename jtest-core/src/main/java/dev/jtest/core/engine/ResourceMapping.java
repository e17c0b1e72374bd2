package dev.jtest.core.engine;

import com.github.dockerjava.api.model.BlkioRateDevice;
import com.github.dockerjava.api.model.BlkioWeightDevice;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.DeviceRequest;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ulimit;
import dev.jtest.core.compose.ResourceSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a {@link ResourceSpec} into docker-java's {@link HostConfig}, field by field as {@code
 * docker compose up} sets them. Pure, and sets nothing the spec leaves unset, so that the engine's
 * and the image's defaults stay.
 */
final class ResourceMapping {

  /** The first API version whose engines resolve CDI device names (Docker Engine 25). */
  static final String CDI_API = "1.44";

  /** Phrases of the engine's warnings and the compose key each is about; the first match wins. */
  private static final Map<String, String> WARNED_KEYS = warnedKeys();

  private static Map<String, String> warnedKeys() {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("kernel memory", ""); // jtest never sets it
    keys.put("swappiness", "mem_swappiness");
    // Said of any memory limit on a host without swap accounting, memswap_limit set or not.
    keys.put("swap limit", "");
    keys.put("memory soft limit", "mem_reservation");
    keys.put("memory limit", "mem_limit");
    keys.put("oomkilldisable", "oom_kill_disable");
    keys.put("oom killer", "oom_kill_disable");
    keys.put("pids limit", "pids_limit");
    keys.put("cpu shares", "cpu_shares");
    keys.put("cpu period/quota", "cpu_period' and 'cpu_quota");
    keys.put("cpuset", "cpuset");
    keys.put("weight_device", "blkio_config.weight_device");
    keys.put("block i/o weight", "blkio_config.weight");
    keys.put("bps block i/o read", "blkio_config.device_read_bps");
    keys.put("bps block i/o write", "blkio_config.device_write_bps");
    keys.put("iops block read", "blkio_config.device_read_iops");
    keys.put("iops block write", "blkio_config.device_write_iops");
    keys.put("cgroup namespace", "cgroup");
    return keys;
  }

  private ResourceMapping() {}

  /** Fills {@code host} from {@code spec}. */
  static HostConfig fill(HostConfig host, ResourceSpec spec) {
    if (!spec.capAdd().isEmpty()) {
      host.withCapAdd(capabilities(spec.capAdd()));
    }
    if (!spec.capDrop().isEmpty()) {
      host.withCapDrop(capabilities(spec.capDrop()));
    }
    if (spec.privileged()) {
      host.withPrivileged(true);
    }
    if (spec.readOnly()) {
      host.withReadonlyRootfs(true);
    }
    if (!spec.securityOpt().isEmpty()) {
      host.withSecurityOpts(spec.securityOpt());
    }
    if (!spec.sysctls().isEmpty()) {
      host.withSysctls(spec.sysctls());
    }
    if (!spec.ulimits().isEmpty()) {
      List<Ulimit> ulimits = new ArrayList<>();
      spec.ulimits().forEach((name, u) -> ulimits.add(new Ulimit(name, u.soft(), u.hard())));
      host.withUlimits(ulimits);
    }
    host.withShmSize(spec.shmSize())
        .withInit(spec.init())
        .withMemory(spec.memLimit())
        .withMemoryReservation(spec.memReservation())
        .withMemorySwap(spec.memswapLimit())
        .withMemorySwappiness(spec.memSwappiness())
        .withOomKillDisable(spec.oomKillDisable())
        .withOomScoreAdj(spec.oomScoreAdj())
        .withNanoCPUs(spec.nanoCpus())
        .withCpuShares(spec.cpuShares())
        .withCpuQuota(spec.cpuQuota())
        .withCpuPeriod(spec.cpuPeriod())
        .withCpusetCpus(spec.cpuset())
        .withPidsLimit(spec.pidsLimit())
        .withIpcMode(spec.ipc())
        .withPidMode(spec.pid())
        .withUtSMode(spec.uts())
        .withUsernsMode(spec.usernsMode())
        .withCgroupnsMode(spec.cgroup())
        .withCgroupParent(spec.cgroupParent())
        .withRuntime(spec.runtime())
        .withCpuRealtimePeriod(spec.cpuRtPeriod())
        .withCpuRealtimeRuntime(spec.cpuRtRuntime());
    if (!spec.deviceCgroupRules().isEmpty()) {
      host.withDeviceCgroupRules(spec.deviceCgroupRules());
    }
    devices(host, spec.devices());
    if (!spec.groupAdd().isEmpty()) {
      host.withGroupAdd(spec.groupAdd());
    }
    if (!spec.storageOpt().isEmpty()) {
      host.withStorageOpt(spec.storageOpt());
    }
    blkio(host, spec.blkio());
    return host;
  }

  /**
   * Why an engine speaking {@code apiVersion} cannot create a container with {@code spec}, naming
   * the key; empty when it can. Only CDI devices are newer than API 1.41 among these settings.
   */
  static Optional<String> unsupported(ResourceSpec spec, String apiVersion) {
    if (atLeast(apiVersion, CDI_API)) {
      return Optional.empty();
    }
    return spec.devices().stream()
        .filter(ResourceSpec.Device::cdi)
        .findFirst()
        .map(
            device ->
                "'devices' entry '"
                    + device.source()
                    + "' is a CDI device name, which needs an engine with API "
                    + CDI_API
                    + " or later (Docker Engine 25); this engine speaks API "
                    + apiVersion
                    + ": map the device by its path (/dev/…:/dev/…) or upgrade the engine");
  }

  /**
   * An engine's create warning in the compose file's terms: "the engine did not apply
   * 'mem_swappiness': Your kernel does not support …". The engine drops a setting its host cannot
   * apply (cgroup v2, no swap accounting) with such a warning instead of failing.
   */
  static String explain(String warning) {
    String text = warning.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> phrase : WARNED_KEYS.entrySet()) {
      if (text.contains(phrase.getKey())) {
        return phrase.getValue().isEmpty()
            ? "the engine warns: " + warning
            : "the engine did not apply '" + phrase.getValue() + "': " + warning;
      }
    }
    return "the engine warns: " + warning;
  }

  /** Whether API version {@code version} ({@code 1.41}) is {@code minimum} or later. */
  static boolean atLeast(String version, String minimum) {
    return compare(version, minimum) >= 0;
  }

  private static int compare(String a, String b) {
    String[] left = a.split("\\.");
    String[] right = b.split("\\.");
    for (int i = 0; i < Math.max(left.length, right.length); i++) {
      int x = i < left.length ? Integer.parseInt(left[i]) : 0;
      int y = i < right.length ? Integer.parseInt(right[i]) : 0;
      if (x != y) {
        return Integer.compare(x, y);
      }
    }
    return 0;
  }

  private static Capability[] capabilities(List<String> names) {
    return names.stream().map(Capability::valueOf).toArray(Capability[]::new);
  }

  /** Device paths as {@code Devices}; CDI names as a device request to the {@code cdi} driver. */
  private static void devices(HostConfig host, List<ResourceSpec.Device> specs) {
    List<Device> devices = new ArrayList<>();
    List<String> cdi = new ArrayList<>();
    for (ResourceSpec.Device device : specs) {
      if (device.cdi()) {
        cdi.add(device.source());
      } else {
        devices.add(new Device(device.permissions(), device.target(), device.source()));
      }
    }
    if (!devices.isEmpty()) {
      host.withDevices(devices);
    }
    if (!cdi.isEmpty()) {
      host.withDeviceRequests(List.of(new DeviceRequest().withDriver("cdi").withDeviceIds(cdi)));
    }
  }

  private static void blkio(HostConfig host, ResourceSpec.Blkio blkio) {
    host.withBlkioWeight(blkio.weight());
    if (!blkio.weightDevice().isEmpty()) {
      List<BlkioWeightDevice> weights = new ArrayList<>();
      blkio
          .weightDevice()
          .forEach(
              (path, weight) ->
                  weights.add(new BlkioWeightDevice().withPath(path).withWeight(weight)));
      host.withBlkioWeightDevice(weights);
    }
    if (!blkio.readBps().isEmpty()) {
      host.withBlkioDeviceReadBps(rates(blkio.readBps()));
    }
    if (!blkio.writeBps().isEmpty()) {
      host.withBlkioDeviceWriteBps(rates(blkio.writeBps()));
    }
    if (!blkio.readIops().isEmpty()) {
      host.withBlkioDeviceReadIOps(rates(blkio.readIops()));
    }
    if (!blkio.writeIops().isEmpty()) {
      host.withBlkioDeviceWriteIOps(rates(blkio.writeIops()));
    }
  }

  private static List<BlkioRateDevice> rates(Map<String, Long> rates) {
    List<BlkioRateDevice> devices = new ArrayList<>();
    rates.forEach((path, rate) -> devices.add(new BlkioRateDevice().withPath(path).withRate(rate)));
    return devices;
  }
}
