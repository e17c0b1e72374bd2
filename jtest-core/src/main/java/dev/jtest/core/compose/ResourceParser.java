package dev.jtest.core.compose;

import static dev.jtest.core.compose.ComposeScalars.bool;
import static dev.jtest.core.compose.ComposeScalars.bytes;
import static dev.jtest.core.compose.ComposeScalars.cpus;
import static dev.jtest.core.compose.ComposeScalars.flag;
import static dev.jtest.core.compose.ComposeScalars.pattern;
import static dev.jtest.core.compose.ComposeScalars.toInt;
import static dev.jtest.core.compose.ComposeScalars.whole;

import dev.jtest.core.ConfigurationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a service's resource, privilege and namespace keys into a {@link ResourceSpec} (privileges
 * through {@link PrivilegeParser}), checking each value as {@code docker compose} and the engine
 * would, so that a value the engine would refuse fails before anything starts, with file, line,
 * service, key, value and the accepted forms.
 */
final class ResourceParser {

  private static final String MAPPING_OF_TEXTS = "a mapping of names to values";

  /** The ulimits the engine can set (Docker's list; {@code as} it leaves out). */
  private static final Set<String> ULIMITS =
      new TreeSet<>(
          List.of(
              "core",
              "cpu",
              "data",
              "fsize",
              "locks",
              "memlock",
              "msgqueue",
              "nice",
              "nofile",
              "nproc",
              "rss",
              "rtprio",
              "rttime",
              "sigpending",
              "stack"));

  private static final Pattern CPUSET = Pattern.compile("\\d+(-\\d+)?(,\\d+(-\\d+)?)*");
  private static final Pattern PERMISSIONS = Pattern.compile("[rwm]{1,3}");
  private static final Pattern DEVICE_RULE =
      Pattern.compile("[abc] (\\d+|\\*):(\\d+|\\*) [rwm]{1,3}");

  private ResourceParser() {}

  /** The resource keys of the service {@code body}, checked. */
  static ResourceSpec parse(Located body) {
    Located deploy = body.get("deploy");
    deploy.mapping("a mapping such as {resources: {limits: {cpus: '0.5', memory: 512m}}}");
    Located resources = deploy.get("resources");
    resources.mapping("a mapping with 'limits' and 'reservations'");
    Located limits = resources.get("limits");
    limits.mapping("a mapping of cpus, memory and pids");
    Located reservations = resources.get("reservations");
    reservations.mapping("a mapping of cpus, memory and devices");
    // The reserved CPUs are a swarm setting: docker compose gives a container none of it either.
    cpus(reservations.get("cpus"));

    Long memLimit = consistent(body.get("mem_limit"), limits.get("memory"), ComposeScalars::bytes);
    Long memswap = bytes(body.get("memswap_limit"));
    if (memswap != null && memswap == 0) {
      memswap = null; // compose: 0 leaves swap to the engine
    }
    if (memswap != null && memswap > 0 && memLimit == null) {
      throw body.get("memswap_limit")
          .error(
              "memswap_limit needs mem_limit (or deploy.resources.limits.memory) too: it is the"
                  + " total of memory and swap");
    }
    Long pids = consistent(body.get("pids_limit"), limits.get("pids"), v -> whole(v, -1L, null));
    Long nanoCpus = consistent(body.get("cpus"), limits.get("cpus"), ComposeScalars::cpus);
    return new ResourceSpec(
        PrivilegeParser.capabilities(body.get("cap_add")),
        PrivilegeParser.capabilities(body.get("cap_drop")),
        flag(body.get("privileged"), false),
        flag(body.get("read_only"), false),
        PrivilegeParser.securityOptions(body.get("security_opt")),
        sysctls(body.get("sysctls")),
        ulimits(body.get("ulimits")),
        bytes(body.get("shm_size")),
        bool(body.get("init")),
        memLimit,
        consistent(body.get("mem_reservation"), reservations.get("memory"), ComposeScalars::bytes),
        memswap,
        whole(body.get("mem_swappiness"), 0L, 100L),
        bool(body.get("oom_kill_disable")),
        toInt(whole(body.get("oom_score_adj"), -1000L, 1000L)),
        nanoCpus == null || nanoCpus == 0 ? null : nanoCpus,
        toInt(whole(body.get("cpu_shares"), 0L, (long) Integer.MAX_VALUE)),
        whole(body.get("cpu_quota"), -1L, null),
        whole(body.get("cpu_period"), 0L, null),
        pattern(body.get("cpuset"), CPUSET, "CPU numbers and ranges such as 0-3 or 0,1"),
        pids == null || pids == 0 ? null : pids,
        devices(body.get("devices")),
        groups(body.get("group_add")),
        namespace(body.get("ipc"), true, "none", "private", "shareable", "host"),
        namespace(body.get("pid"), true, "host"),
        namespace(body.get("uts"), false, "host"),
        namespace(body.get("userns_mode"), false, "host"),
        namespace(body.get("cgroup"), false, "host", "private"),
        body.get("cgroup_parent").text(),
        texts(body.get("storage_opt")),
        body.get("runtime").text(),
        blkio(body.get("blkio_config")),
        microseconds(body.get("cpu_rt_period")),
        microseconds(body.get("cpu_rt_runtime")),
        deviceCgroupRules(body.get("device_cgroup_rules")));
  }

  /**
   * Adds a warning for the keys of {@code deploy} other than {@code resources} (replicas, restart
   * policy, …), and one per reservation that jtest does not give the container (devices, generic
   * resources); {@link #parse} reports a {@code deploy} of the wrong shape.
   */
  static void warnIgnored(String service, Located deploy, List<String> warnings) {
    // The rest of deploy is AcceptedKeys' to describe, in one info line.
    Located resources = deploy.isMapping() ? deploy.get("resources") : deploy;
    Located reservations = resources.isMapping() ? resources.get("reservations") : resources;
    if (!reservations.isMapping()) {
      return;
    }
    for (String key : List.of("devices", "generic_resources")) {
      Located value = reservations.get(key);
      if (!value.isNull()) {
        warnings.add(
            value.location()
                + ": service '"
                + service
                + "': key '"
                + value.key()
                + "' is not supported by jtest and is ignored (the container gets no reserved"
                + " devices; map a host device with 'devices:')");
      }
    }
  }

  /**
   * A setting that compose takes from either of two keys ({@code mem_limit} and {@code
   * deploy.resources.limits.memory}): compose refuses two distinct values, and so does jtest.
   */
  private static <T> T consistent(Located service, Located deploy, Function<Located, T> read) {
    T direct = read.apply(service);
    T deployed = read.apply(deploy);
    if (direct != null && deployed != null && !Objects.equals(direct, deployed)) {
      throw service.error(
          "'"
              + service.key()
              + "' ("
              + service.text()
              + ") and '"
              + deploy.key()
              + "' ("
              + deploy.text()
              + ", line "
              + deploy.location().line()
              + ") differ: keep one of them, as docker compose refuses both");
    }
    return deployed != null ? deployed : direct;
  }

  /** {@code sysctls}, a mapping after normalisation (the list form included). */
  private static Map<String, String> sysctls(Located value) {
    Map<String, String> sysctls = new LinkedHashMap<>();
    value
        .mapping(ComposeNormalizer.LIST_OR_DICT)
        .forEach(
            (name, setting) -> {
              String text = setting.text(ComposeNormalizer.VALUE);
              if (text == null) {
                throw setting.mismatch("a value (net.core.somaxconn=1024)");
              }
              sysctls.put(name, text);
            });
    return Collections.unmodifiableMap(sysctls);
  }

  private static Map<String, ResourceSpec.Ulimit> ulimits(Located value) {
    Map<String, ResourceSpec.Ulimit> ulimits = new LinkedHashMap<>();
    value
        .mapping("a mapping of limits such as {nofile: {soft: 20000, hard: 40000}, nproc: 65535}")
        .forEach(
            (name, limit) -> {
              if (!ULIMITS.contains(name)) {
                throw limit.error(
                    "ulimit '" + name + "' is unknown: use one of " + String.join(", ", ULIMITS));
              }
              String both = "a number, or a mapping with soft and hard";
              ResourceSpec.Ulimit ulimit;
              if (limit.isMapping()) {
                Long soft = whole(limit.get("soft"), -1L, null);
                Long hard = whole(limit.get("hard"), -1L, null);
                if (soft == null || hard == null) {
                  throw limit.mismatch("a mapping with both soft and hard");
                }
                if (hard != -1 && (soft == -1 || soft > hard)) {
                  throw limit.error(
                      "ulimit '"
                          + name
                          + "': the soft limit "
                          + soft
                          + " is above the hard limit "
                          + hard
                          + ": lower it, or raise hard");
                }
                ulimit = new ResourceSpec.Ulimit(soft, hard);
              } else {
                Long single = whole(limit, -1L, null);
                if (single == null) {
                  throw limit.mismatch(both);
                }
                ulimit = new ResourceSpec.Ulimit(single, single);
              }
              ulimits.put(name, ulimit);
            });
    return Collections.unmodifiableMap(ulimits);
  }

  /** Devices, short ({@code /dev/a:/dev/b:rwm}) or long ({@code source}, {@code target}). */
  private static List<ResourceSpec.Device> devices(Located value) {
    String shortForm = "HOST_PATH[:CONTAINER_PATH[:PERMISSIONS]], a CDI name, or a mapping";
    List<ResourceSpec.Device> devices = new ArrayList<>();
    for (Located item : value.list("a list of devices")) {
      String source;
      String target;
      String permissions;
      Located at = item;
      if (item.isMapping()) {
        at = item.get("source");
        source = at.text("a device path");
        target = item.get("target").text("a path in the container");
        permissions = item.get("permissions").text("cgroup permissions (rwm)");
        if (source == null) {
          throw item.mismatch("a mapping with 'source'");
        }
        if (permissions != null && !PERMISSIONS.matcher(permissions).matches()) {
          throw item.get("permissions").mismatch("some of r, w and m (rwm)");
        }
      } else {
        String text = item.text(shortForm);
        String[] parts = text == null ? new String[0] : text.split(":", -1);
        if (parts.length == 0 || parts.length > 3 || parts[0].isEmpty()) {
          throw item.mismatch(shortForm);
        }
        source = parts[0];
        target = parts.length > 1 ? parts[1] : null;
        permissions = parts.length > 2 ? parts[2] : null;
        if (permissions != null && !PERMISSIONS.matcher(permissions).matches()) {
          throw item.mismatch(shortForm + ", the permissions some of r, w and m");
        }
      }
      ResourceSpec.Device device =
          new ResourceSpec.Device(
              source,
              target == null || target.isEmpty() ? source : target,
              permissions == null ? "rwm" : permissions);
      if (!device.cdi() && !source.startsWith("/")) {
        throw at.mismatch(shortForm + " (a host path is absolute)");
      }
      devices.add(device);
    }
    return List.copyOf(devices);
  }

  /**
   * {@code cpu_rt_period} and {@code cpu_rt_runtime}: microseconds as a whole number, or a duration
   * such as {@code 400ms} or {@code 1400us}, as compose reads them.
   */
  private static Long microseconds(Located value) {
    if (value.isNull()) {
      return null;
    }
    String text = value.text("microseconds, or a duration such as 400ms");
    if (text != null && text.strip().matches("-?\\d+")) {
      return whole(value, -1L, null);
    }
    try {
      return ComposeDurations.parse(text, ComposeScalars.where(value)).toNanos() / 1000;
    } catch (ConfigurationException e) {
      throw value.mismatch("microseconds, or a duration such as 400ms or 1400us");
    }
  }

  /**
   * {@code device_cgroup_rules}: {@code TYPE MAJOR:MINOR ACCESS}, as the engine checks them: type
   * {@code a}, {@code b} or {@code c}, numbers or {@code *}, access some of {@code rwm}.
   */
  private static List<String> deviceCgroupRules(Located value) {
    List<String> rules = new ArrayList<>();
    for (Located item : value.list("a list of rules such as 'c 1:3 mr'")) {
      String rule = item.text("a rule such as 'c 1:3 mr'");
      if (rule == null || !DEVICE_RULE.matcher(rule.strip()).matches()) {
        throw item.mismatch(
            "a rule 'TYPE MAJOR:MINOR ACCESS' such as 'c 1:3 mr' (type a, b or c; numbers or *;"
                + " access some of r, w and m)");
      }
      rules.add(rule.strip());
    }
    return List.copyOf(rules);
  }

  private static List<String> groups(Located value) {
    List<String> groups = new ArrayList<>();
    for (Located item : value.list("a list of group names or numbers")) {
      String group = item.text("a group name or number");
      if (group == null || group.isBlank()) {
        throw item.mismatch("a group name or number");
      }
      groups.add(group);
    }
    return List.copyOf(groups);
  }

  /**
   * A namespace mode: one of {@code modes}, {@code container:<name>}, and {@code service:<name>}
   * when {@code shares}.
   */
  private static String namespace(Located value, boolean shares, String... modes) {
    String mode = value.text("a string");
    if (mode == null) {
      return null;
    }
    boolean joins =
        shares
            && (mode.startsWith("container:") || mode.startsWith(ResourceSpec.SERVICE_PREFIX))
            && mode.indexOf(':') < mode.length() - 1;
    if (!joins && !List.of(modes).contains(mode)) {
      throw value.mismatch(
          shares
              ? String.join(", ", modes) + ", service:<name> or container:<name>"
              : String.join(" or ", modes));
    }
    return mode;
  }

  private static Map<String, String> texts(Located value) {
    Map<String, String> texts = new LinkedHashMap<>();
    value
        .mapping(MAPPING_OF_TEXTS)
        .forEach((name, setting) -> texts.put(name, setting.text(ComposeNormalizer.VALUE)));
    return Collections.unmodifiableMap(texts);
  }

  private static ResourceSpec.Blkio blkio(Located value) {
    if (value.isNull()) {
      return ResourceSpec.Blkio.NONE;
    }
    value.mapping("a mapping (weight, weight_device, device_read_bps, …)");
    Map<String, Integer> weights = new LinkedHashMap<>();
    for (Located item : value.get("weight_device").list("a list of {path, weight}")) {
      item.mapping("a mapping with path and weight");
      weights.put(path(item), toInt(required(item, "weight", v -> whole(v, 10L, 1000L))));
    }
    return new ResourceSpec.Blkio(
        toInt(whole(value.get("weight"), 10L, 1000L)),
        Collections.unmodifiableMap(weights),
        rates(value.get("device_read_bps"), ComposeScalars::bytes),
        rates(value.get("device_write_bps"), ComposeScalars::bytes),
        rates(value.get("device_read_iops"), v -> whole(v, 0L, null)),
        rates(value.get("device_write_iops"), v -> whole(v, 0L, null)));
  }

  private static Map<String, Long> rates(Located value, Function<Located, Long> rate) {
    Map<String, Long> rates = new LinkedHashMap<>();
    for (Located item : value.list("a list of {path, rate}")) {
      item.mapping("a mapping with path and rate");
      rates.put(path(item), required(item, "rate", rate));
    }
    return Collections.unmodifiableMap(rates);
  }

  private static String path(Located item) {
    String path = item.get("path").text("a device path");
    if (path == null || !path.startsWith("/")) {
      throw item.get("path").mismatch("a device path such as /dev/sda");
    }
    return path;
  }

  private static <T> T required(Located item, String key, Function<Located, T> read) {
    T value = read.apply(item.get(key));
    if (value == null) {
      throw item.mismatch("a mapping with '" + key + "'");
    }
    return value;
  }
}
