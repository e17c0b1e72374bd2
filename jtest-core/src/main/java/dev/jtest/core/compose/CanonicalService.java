package dev.jtest.core.compose;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One service in the canonical form {@code docker compose config} prints it: ports, volumes and
 * {@code depends_on} in long form, {@code environment} as a mapping with the env files merged in,
 * commands as lists, durations as Go writes them, {@code networks} filled with {@code default}.
 * Mappings that compose keeps as Go maps come out sorted by key; the service's own keys in
 * compose-go's order. A key it knows no canonical form for passes through as the loader normalised
 * it, so keys jtest learns later are printed without a change here.
 */
final class CanonicalService {

  /** compose-go's order of a service's keys (its {@code ServiceConfig} fields), which it prints. */
  private static final List<String> ORDER =
      words(
          """
          profiles annotations attach build develop blkio_config cap_add cap_drop cgroup_parent cgroup
          cpu_count cpu_percent cpu_period cpu_quota cpu_rt_period cpu_rt_runtime cpus cpuset
          cpu_shares command configs container_name credential_spec depends_on deploy
          device_cgroup_rules devices dns dns_opt dns_search domainname entrypoint provider environment
          env_file expose extends external_links extra_hosts group_add gpus hostname healthcheck image
          init ipc isolation labels label_file links logging mem_limit mem_reservation memswap_limit
          mem_swappiness mac_address models network_mode networks oom_kill_disable oom_score_adj pid
          pids_limit platform ports privileged pull_policy read_only restart runtime scale secrets
          security_opt shm_size stdin_open stop_grace_period stop_signal storage_opt sysctls tmpfs tty
          ulimits use_api_socket user userns_mode uts volume_driver volumes volumes_from working_dir
          post_start pre_stop pre_start
          """);

  /** Keys compose holds as strings even when they read as numbers ({@code user: 1000}). */
  private static final Set<String> TEXTS =
      Set.copyOf(
          words(
              """
          image user working_dir stop_signal container_name hostname domainname platform pull_policy
          restart network_mode ipc pid cgroup cgroup_parent runtime isolation mac_address userns_mode
          uts
          """));

  private static final List<String> HEALTH_ORDER =
      List.of(
          "test", "timeout", "interval", "retries", "start_period", "start_interval", "disable");
  private static final Set<String> HEALTH_DURATIONS =
      Set.of("timeout", "interval", "start_period", "start_interval");
  private static final List<String> VOLUME_ORDER =
      words("type source target read_only consistency bind volume tmpfs image");

  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
  private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)\\.[0-9]+");

  private CanonicalService() {}

  private static List<String> words(String text) {
    return List.of(text.trim().split("\\s+"));
  }

  /**
   * The canonical form of service {@code name}.
   *
   * @param body the merged, normalised service
   * @param shortVolumes the targets of the volumes the files wrote in short syntax ({@code
   *     ./data:/data}), which compose fills with {@code bind.create_host_path} or {@code volume}
   * @param extensions the service's {@code x-} keys, as the files wrote them
   * @param environment where a variable named without a value ({@code environment: [HOME]}) is
   *     looked up
   */
  static Map<String, Object> of(
      String name,
      Located body,
      Set<String> shortVolumes,
      Map<String, Object> extensions,
      Map<String, String> environment) {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Located> keys = body.mapping(ComposeNormalizer.SERVICE);
    for (Map.Entry<String, Located> entry : keys.entrySet()) {
      String key = entry.getKey();
      Located value = entry.getValue();
      Object canonical =
          switch (key) {
            case "build" -> build(value, environment);
            case "command", "entrypoint" -> ServiceParser.commandLine(value);
            case "depends_on" -> dependsOn(value);
            case "environment", "env_file" -> null; // one mapping, below
            case "expose", "tmpfs", "profiles" -> value.texts("a list of strings");
            case "healthcheck" -> healthcheck(value);
            case "labels" -> labels(value);
            case "networks" -> networks(value);
            case "ports" -> ports(name, value);
            case "volumes" -> volumes(value, shortVolumes);
            case "stop_grace_period" -> goDuration(value);
            default -> TEXTS.contains(key) ? value.text() : typed(value.plain());
          };
      if (canonical != null) {
        out.put(key, canonical);
      }
    }
    Map<String, Object> env = environment(name, body, environment);
    if (!env.isEmpty()) {
      out.put("environment", env);
    }
    if (!keys.containsKey("networks") && !keys.containsKey("network_mode")) {
      Map<String, Object> networks = new LinkedHashMap<>();
      networks.put("default", null);
      out.put("networks", networks);
    }
    out.putAll(extensions);
    return ordered(out, ORDER);
  }

  /**
   * {@code keys} in compose-go's order: those of {@code order} first, then the others by name, then
   * the {@code x-} keys by name.
   */
  static Map<String, Object> ordered(Map<String, Object> keys, List<String> order) {
    Map<String, Object> out = new LinkedHashMap<>();
    order.stream().filter(keys::containsKey).forEach(key -> out.put(key, keys.get(key)));
    new TreeMap<>(keys)
        .forEach(
            (key, value) -> {
              if (!key.startsWith("x-")) {
                out.putIfAbsent(key, value);
              }
            });
    new TreeMap<>(keys).forEach(out::putIfAbsent);
    return out;
  }

  private static Map<String, Object> build(Located value, Map<String, String> environment) {
    if (value.isNull()) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Located> fields = value.mapping("a path or a mapping with 'context'");
    out.put("context", fields.get("context").text());
    Located dockerfile = value.get("dockerfile");
    if (!dockerfile.isNull() || !fields.containsKey("dockerfile_inline")) {
      out.put("dockerfile", dockerfile.isNull() ? "Dockerfile" : dockerfile.text());
    }
    Map<String, Object> args = new TreeMap<>();
    value
        .get("args")
        .mapping(ComposeNormalizer.LIST_OR_DICT)
        .forEach((k, v) -> args.put(k, v.isNull() ? environment.get(k) : v.text()));
    if (!args.isEmpty()) {
      out.put("args", args);
    }
    fields.forEach((key, field) -> out.putIfAbsent(key, typed(field.plain())));
    return out;
  }

  /**
   * Compose's long form: {@code condition}, {@code required} (true unless said), {@code restart}.
   */
  private static Map<String, Object> dependsOn(Located value) {
    Map<String, Object> out = new TreeMap<>();
    value
        .mapping(ComposeNormalizer.NAMES)
        .forEach(
            (dependency, body) -> {
              Map<String, Object> spec = new LinkedHashMap<>();
              spec.put("condition", body.get("condition").text());
              spec.put("required", !"false".equalsIgnoreCase(body.get("required").text()));
              if ("true".equalsIgnoreCase(body.get("restart").text())) {
                spec.put("restart", true);
              }
              body.mapping("a mapping")
                  .forEach(
                      (key, field) -> {
                        if (!key.equals("restart")) {
                          spec.putIfAbsent(key, typed(field.plain()));
                        }
                      });
              out.put(dependency, spec);
            });
    return out;
  }

  private static Map<String, Object> healthcheck(Located value) {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Located> fields = value.mapping("a mapping (test, interval, timeout, retries)");
    for (String key : HEALTH_ORDER) {
      Located field = value.get(key);
      if (field.isNull()) {
        continue;
      }
      if (key.equals("test")) {
        out.put(key, field.isText() ? List.of("CMD-SHELL", field.text()) : field.texts("a list"));
      } else if (HEALTH_DURATIONS.contains(key)) {
        out.put(key, goDuration(field));
      } else {
        out.put(key, typed(field.plain()));
      }
    }
    fields.forEach((key, field) -> out.putIfAbsent(key, typed(field.plain())));
    return out;
  }

  private static Map<String, Object> labels(Located value) {
    Map<String, Object> out = new TreeMap<>();
    value
        .mapping(ComposeNormalizer.LIST_OR_DICT)
        .forEach((key, label) -> out.put(key, label.isNull() ? "" : label.text()));
    return out;
  }

  private static Map<String, Object> networks(Located value) {
    Map<String, Object> out = new TreeMap<>();
    value
        .mapping("a list of names or a mapping of names")
        .forEach((network, settings) -> out.put(network, typed(settings.plain())));
    return out;
  }

  /** Ports in long form, one entry a port ({@code 7000-7001:7000-7001} is two). */
  private static List<Object> ports(String service, Located value) {
    List<Object> out = new ArrayList<>();
    for (Located port : value.list("a list of ports")) {
      boolean address = port.isMapping() ? !port.get("host_ip").isNull() : hasAddress(port.text());
      String mode = port.isMapping() ? port.get("mode").text() : null;
      for (PortSpec spec :
          PortParser.parse(ServiceParser.portEntry(port), port.location(), service)) {
        Map<String, Object> entry = new LinkedHashMap<>();
        if (port.isMapping() && !port.get("name").isNull()) {
          entry.put("name", port.get("name").text());
        }
        entry.put("mode", mode == null ? "ingress" : mode);
        if (address) {
          entry.put("host_ip", spec.hostIp());
        }
        entry.put("target", spec.containerPort());
        if (spec.hostPort() != null) {
          entry.put("published", String.valueOf(spec.hostPort()));
        }
        entry.put("protocol", spec.protocol());
        if (port.isMapping() && !port.get("app_protocol").isNull()) {
          entry.put("app_protocol", port.get("app_protocol").text());
        }
        out.add(entry);
      }
    }
    return out;
  }

  /** Whether a short port names the host address ({@code 127.0.0.1:80:80}, {@code [::1]:80:80}). */
  private static boolean hasAddress(String port) {
    String[] parts = port.trim().replaceFirst("/[A-Za-z]+$", "").split(":", -1);
    return port.trim().startsWith("[") || (parts.length == 3 && !parts[0].isEmpty());
  }

  private static List<Object> volumes(Located value, Set<String> shortVolumes) {
    List<Object> out = new ArrayList<>();
    for (Located volume : value.list("a list of volumes")) {
      Map<String, Located> fields = volume.mapping("a mapping");
      Map<String, Object> entry = new LinkedHashMap<>();
      String type = volume.get("type").isNull() ? "volume" : volume.get("type").text();
      entry.put("type", type);
      for (String key : VOLUME_ORDER) {
        Located field = fields.get(key);
        if (field == null || key.equals("type")) {
          continue;
        }
        if (key.equals("read_only")) {
          if ("true".equalsIgnoreCase(field.text())) {
            entry.put(key, true);
          }
        } else {
          entry.put(key, key.equals("source") ? field.text() : typed(field.plain()));
        }
      }
      fields.forEach((key, field) -> entry.putIfAbsent(key, typed(field.plain())));
      // Compose's short syntax implies what its long syntax leaves out.
      if (shortVolumes.contains(volume.get("target").text())) {
        if (type.equals("bind")) {
          entry.putIfAbsent("bind", new LinkedHashMap<>(Map.of("create_host_path", true)));
        } else if (type.equals("volume")) {
          entry.putIfAbsent("volume", new LinkedHashMap<>());
        }
      }
      out.add(entry);
    }
    return out;
  }

  /** {@code env_file} entries first, then {@code environment} over them, as compose merges them. */
  private static Map<String, Object> environment(
      String service, Located body, Map<String, String> environment) {
    Map<String, Object> out = new TreeMap<>();
    for (Located file : body.get("env_file").list("a list of paths")) {
      out.putAll(
          EnvFiles.read(Path.of(file.text()), file.location() + ": service '" + service + "'"));
    }
    body.get("environment")
        .mapping(ComposeNormalizer.LIST_OR_DICT)
        .forEach(
            (key, value) -> out.put(key, value.isNull() ? environment.get(key) : value.text()));
    return out;
  }

  /** A duration as Go's {@code time.Duration} prints it, which compose uses: {@code 1m30s}. */
  private static String goDuration(Located value) {
    Duration duration = ServiceParser.duration(value);
    return duration == null ? null : goDuration(duration);
  }

  static String goDuration(Duration duration) {
    long nanos = duration.toNanos();
    if (nanos == 0) {
      return "0s";
    }
    if (nanos < 1_000L) {
      return nanos + "ns";
    }
    if (nanos < 1_000_000L) {
      return decimal(nanos, 1_000L) + "µs";
    }
    if (nanos < 1_000_000_000L) {
      return decimal(nanos, 1_000_000L) + "ms";
    }
    long hours = duration.toHours();
    long minutes = duration.toMinutesPart();
    String seconds = decimal(nanos % 60_000_000_000L, 1_000_000_000L) + "s";
    if (hours > 0) {
      return hours + "h" + minutes + "m" + seconds;
    }
    return minutes > 0 ? minutes + "m" + seconds : seconds;
  }

  private static String decimal(long nanos, long unit) {
    return BigDecimal.valueOf(nanos)
        .divide(BigDecimal.valueOf(unit))
        .stripTrailingZeros()
        .toPlainString();
  }

  /**
   * A value the loader kept as text, with YAML's own types back: {@code true} is a boolean and
   * {@code 3} a number again, as they were in the file (the loader reads every scalar as text).
   */
  static Object typed(Object plain) {
    if (plain instanceof String text) {
      if (text.equals("true") || text.equals("false")) {
        return Boolean.valueOf(text);
      }
      if (INTEGER.matcher(text).matches() && text.length() < 19) {
        return Long.valueOf(text);
      }
      return DECIMAL.matcher(text).matches() ? new BigDecimal(text) : text;
    }
    if (plain instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(item -> out.add(typed(item)));
      return out;
    }
    if (plain instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((key, value) -> out.put(String.valueOf(key), typed(value)));
      return out;
    }
    return plain;
  }
}
