package dev.jtest.core.compose;

import dev.jtest.core.Suggestions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings one compose file to the canonical form the merge works on: {@code environment}, {@code
 * labels}, {@code sysctls}, {@code depends_on} and {@code networks} as mappings; {@code build} as a
 * mapping; bind sources, build contexts and env files as absolute paths resolved against this
 * file's directory; volumes in long form. Every value it reshapes is read through {@link Located}'s
 * typed accessors; the values it passes on as they are, {@link ServiceParser} reads the same way.
 */
final class ComposeNormalizer {

  static final Set<String> SERVICE_KEYS =
      Set.of(
          "image",
          "build",
          "command",
          "entrypoint",
          "environment",
          "env_file",
          "ports",
          "expose",
          "volumes",
          "tmpfs",
          "depends_on",
          "healthcheck",
          "labels",
          "working_dir",
          "user",
          "stop_grace_period",
          "stop_signal",
          "profiles",
          "networks",
          JtestExtension.KEY,
          "provider",
          "hostname",
          "domainname",
          "extra_hosts",
          "dns",
          "dns_search",
          "dns_opt",
          "mac_address",
          "stdin_open",
          "tty",
          "platform",
          "pull_policy",
          "links",
          "volumes_from",
          "network_mode",
          "label_file",
          "annotations",
          "cap_add",
          "cap_drop",
          "privileged",
          "read_only",
          "security_opt",
          "sysctls",
          "ulimits",
          "shm_size",
          "init",
          "mem_limit",
          "mem_reservation",
          "memswap_limit",
          "mem_swappiness",
          "oom_kill_disable",
          "oom_score_adj",
          "cpus",
          "cpu_shares",
          "cpu_quota",
          "cpu_period",
          "cpuset",
          "pids_limit",
          "deploy",
          "devices",
          "group_add",
          "ipc",
          "pid",
          "uts",
          "userns_mode",
          "cgroup",
          "cgroup_parent",
          "storage_opt",
          "runtime",
          "blkio_config",
          "cpu_rt_period",
          "cpu_rt_runtime",
          "device_cgroup_rules",
          "secrets",
          "configs",
          "post_start",
          "pre_stop",
          "pre_start");

  static final String SERVICE = "a mapping of keys such as image: or build:";
  static final String LIST_OR_DICT = "a mapping or a list of KEY=VALUE";
  static final String VALUE = "a string, a number or a boolean";
  static final String NAMES = "a list of names";

  private ComposeNormalizer() {}

  /**
   * The supported top-level entries of {@code root} (interpolated already), services normalised.
   *
   * @param warnings receives one line per key jtest ignores
   */
  static Located normalize(Located root, List<String> warnings, Set<String> topLevelKeys) {
    return normalize(root, root.location().file().getParent(), warnings, topLevelKeys);
  }

  /**
   * As {@link #normalize(Located, List, Set)}, relative paths resolved against {@code dir} (an
   * included project's {@code project_directory}).
   */
  static Located normalize(
      Located root, Path dir, List<String> warnings, Set<String> topLevelKeys) {
    Map<String, Located> out = new LinkedHashMap<>();
    for (Map.Entry<String, Located> entry : root.mapping("a mapping").entrySet()) {
      String key = entry.getKey();
      if (key.startsWith("x-")) {
        continue;
      }
      if (!topLevelKeys.contains(key)) {
        warnings.add(
            entry.getValue().location()
                + ": top-level key '"
                + key
                + "' is not supported by jtest and is ignored"
                + Suggestions.didYouMean(key, topLevelKeys));
        continue;
      }
      out.put(key, entry.getValue());
    }
    Located services = root.get("services");
    Map<String, Located> normalized = new LinkedHashMap<>();
    for (Map.Entry<String, Located> service :
        services.mapping("a mapping of service names to their keys").entrySet()) {
      normalized.put(
          service.getKey(), normalizeService(service.getKey(), service.getValue(), dir, warnings));
    }
    if (out.containsKey("services")) {
      out.put("services", Located.ofMapping(normalized, services.location(), services.path()));
    }
    return Located.ofMapping(out, root.location(), root.path());
  }

  private static Located normalizeService(
      String name, Located service, Path dir, List<String> warnings) {
    Map<String, Located> out = new LinkedHashMap<>();
    for (Map.Entry<String, Located> entry : service.mapping(SERVICE).entrySet()) {
      String key = entry.getKey();
      Located value = entry.getValue();
      if (AcceptedKeys.KEYS.contains(key)) {
        // Kept for ModelParser, which says in one info line what jtest does instead.
        if (key.equals("deploy")) {
          ResourceParser.warnIgnored(name, value, warnings);
        }
        out.put(key, value);
        continue;
      }
      if (!SERVICE_KEYS.contains(key)) {
        if (!key.startsWith("x-")) {
          String why = Suggestions.didYouMean(key, SERVICE_KEYS);
          warnings.add(
              value.location()
                  + ": service '"
                  + name
                  + "': key '"
                  + key
                  + "' is not supported by jtest and is ignored"
                  + why);
        }
        continue;
      }
      Located normalized =
          switch (key) {
            case "build" -> normalizeBuild(value, dir);
            case "environment", "labels", "sysctls" -> toMap(value);
            case "depends_on" -> normalizeDependsOn(value);
            case "networks" -> normalizeNetworks(value);
            case "env_file" -> normalizeEnvFiles(value, dir);
            case "label_file" -> normalizePaths(value, dir);
            case "volumes" -> normalizeVolumes(value, dir);
            case "tmpfs" -> texts(value, "a path or a list of paths");
            case JtestExtension.KEY -> {
              JtestExtension.warnUnknownKeys(name, value, warnings);
              yield value;
            }
            default -> value;
          };
      out.put(key, normalized);
    }
    return Located.ofMapping(out, service.location(), service.path());
  }

  private static Located normalizeBuild(Located value, Path dir) {
    if (value.isNull()) {
      return value;
    }
    String expected = "a path or a mapping with 'context'";
    Map<String, Located> build = new LinkedHashMap<>();
    Located context;
    if (value.isText()) {
      context = value;
    } else {
      build.putAll(value.mapping(expected));
      context = value.get("context");
      if (build.containsKey("args")) {
        build.put("args", toMap(build.get("args")));
      }
    }
    String path = context.text("a path");
    build.put(
        "context",
        Located.ofText(
            resolve(dir, path == null ? "." : path), context.location(), value.pathTo("context")));
    return Located.ofMapping(build, value.location(), value.path());
  }

  /**
   * {@code depends_on} as a mapping of service names to {@code {condition: …}}: compose accepts a
   * list of names or such a mapping, never a list of mappings.
   */
  private static Located normalizeDependsOn(Located value) {
    String forms =
        "write depends_on as a list of names ([api, db]) or as a mapping of names to conditions"
            + " ({api: {condition: service_healthy}})";
    Map<String, Located> out = new LinkedHashMap<>();
    if (value.isList()) {
      for (Located item : value.list(NAMES)) {
        if (!item.isText()) {
          throw item.mismatch("a service name", forms);
        }
        List<Object> path = value.pathTo(item.text());
        out.put(
            item.text(),
            Located.ofMapping(
                Map.of("condition", started(item.location(), path)), item.location(), path));
      }
      return Located.ofMapping(out, value.location(), value.path());
    }
    if (!value.isMapping()) {
      throw value.mismatch("a list of names or a mapping of names to conditions", forms);
    }
    for (Map.Entry<String, Located> entry : value.mapping(NAMES).entrySet()) {
      Located body = entry.getValue();
      Map<String, Located> condition =
          new LinkedHashMap<>(body.mapping("a mapping such as {condition: service_healthy}"));
      condition.putIfAbsent("condition", started(body.location(), body.path()));
      out.put(entry.getKey(), Located.ofMapping(condition, body.location(), body.path()));
    }
    return Located.ofMapping(out, value.location(), value.path());
  }

  /** {@code condition: service_started}, compose's default, of the dependency at {@code path}. */
  private static Located started(Location at, List<Object> path) {
    return Located.ofText(
        DependencyCondition.SERVICE_STARTED.composeName(), at, Located.child(path, "condition"));
  }

  /** {@code networks} as a mapping of names (list items become names with nothing set). */
  private static Located normalizeNetworks(Located value) {
    if (!value.isList()) {
      for (Located settings : value.mapping("a list of names or a mapping of names").values()) {
        settings.mapping("a mapping of network settings, or nothing");
      }
      return value;
    }
    Map<String, Located> out = new LinkedHashMap<>();
    for (Located item : value.list(NAMES)) {
      String name = item.text("a network name");
      out.put(name, Located.none(item.location(), value.pathTo(name)));
    }
    return Located.ofMapping(out, value.location(), value.path());
  }

  /**
   * {@code env_file} as a list of absolute paths, or of {@code {path, format}} for a file in {@code
   * raw} format; a file marked {@code required: false} that does not exist is left out, as compose
   * does.
   */
  private static Located normalizeEnvFiles(Located value, Path dir) {
    String expected = "a path or a list of paths (or of {path: …} mappings)";
    List<Located> items = value.isText() ? List.of(value) : value.list(expected);
    List<Located> files = new ArrayList<>();
    for (Located item : items) {
      Located file = item.isMapping() ? item.get("path") : item;
      String path = file.text("a path");
      if (path == null) {
        throw item.mismatch("a path, or a mapping with 'path'");
      }
      Located resolved = Located.ofText(resolve(dir, path), file.location(), file.path());
      if (!item.isMapping()) {
        files.add(resolved);
        continue;
      }
      Located requiredNode = item.get("required");
      String required = requiredNode.text(ServiceParser.BOOLEAN);
      if (required != null
          && !required.equalsIgnoreCase("true")
          && !required.equalsIgnoreCase("false")) {
        throw requiredNode.error("env_file required must be true or false, not '" + required + "'");
      }
      if ("false".equalsIgnoreCase(required) && !Files.exists(Path.of(resolved.text()))) {
        continue;
      }
      Located format = item.get("format");
      String name = format.text("a format name");
      if (name == null || name.equals(".env")) {
        files.add(resolved);
      } else if (name.equals("raw")) {
        files.add(
            Located.ofMapping(
                Map.of("path", resolved, "format", format), item.location(), item.path()));
      } else {
        throw format.error(
            "env_file format '"
                + name
                + "' is not supported: leave 'format' out for compose's"
                + " .env format, or use raw for values taken as they are");
      }
    }
    return Located.ofList(files, value.location(), value.path());
  }

  /** A path or a list of paths ({@code label_file}), each made absolute. */
  private static Located normalizePaths(Located value, Path dir) {
    List<Located> files = new ArrayList<>();
    for (Located item : texts(value, "a path or a list of paths").list("a list")) {
      files.add(Located.ofText(resolve(dir, item.text()), item.location(), item.path()));
    }
    return Located.ofList(files, value.location(), value.path());
  }

  /** Volumes in long form: {type, source, target, read_only}, bind sources absolute. */
  private static Located normalizeVolumes(Located value, Path dir) {
    List<Located> out = new ArrayList<>();
    for (Located item : value.list("a list of volumes")) {
      Map<String, Located> volume = new LinkedHashMap<>();
      if (item.isText()) {
        String[] parts = item.text().split(":");
        if (parts.length > 3) {
          throw item.error("volume '" + item.text() + "' is not SOURCE:TARGET[:MODE]");
        }
        String target = parts.length == 1 ? parts[0] : parts[1];
        String source = parts.length == 1 ? null : parts[0];
        boolean bind =
            source != null
                && (source.startsWith(".") || source.startsWith("/") || source.startsWith("~"));
        volume.put("type", derived(item, "type", bind ? "bind" : "volume"));
        if (source != null) {
          volume.put("source", derived(item, "source", bind ? resolve(dir, source) : source));
        }
        volume.put("target", derived(item, "target", target));
        if (parts.length == 3) {
          boolean readOnly = List.of(parts[2].split(",")).contains("ro");
          volume.put("read_only", derived(item, "read_only", String.valueOf(readOnly)));
        }
      } else {
        volume.putAll(item.mapping("a string (SOURCE:TARGET[:MODE]) or a mapping"));
        Located source = item.get("source");
        if ("bind".equals(item.get("type").text()) && source.text() != null) {
          volume.put(
              "source",
              Located.ofText(resolve(dir, source.text()), source.location(), source.path()));
        }
      }
      out.add(Located.ofMapping(volume, item.location(), item.path()));
    }
    return Located.ofList(out, value.location(), value.path());
  }

  private static Located derived(Located from, String key, String text) {
    return Located.ofText(text, from.location(), from.pathTo(key));
  }

  /** {@code environment}, {@code labels}, {@code build.args}: a mapping of text or null. */
  private static Located toMap(Located value) {
    Map<String, Located> out = new LinkedHashMap<>();
    if (value.isList()) {
      for (Located item : value.list(LIST_OR_DICT)) {
        String entry = item.text("KEY=VALUE");
        int equals = entry.indexOf('=');
        String name = equals < 0 ? entry : entry.substring(0, equals);
        out.put(
            name,
            equals < 0
                ? Located.none(item.location(), value.pathTo(name))
                : Located.ofText(entry.substring(equals + 1), item.location(), value.pathTo(name)));
      }
      return Located.ofMapping(out, value.location(), value.path());
    }
    for (Map.Entry<String, Located> entry : value.mapping(LIST_OR_DICT).entrySet()) {
      entry.getValue().text(VALUE);
      out.put(entry.getKey(), entry.getValue());
    }
    return Located.ofMapping(out, value.location(), value.path());
  }

  private static Located texts(Located value, String expected) {
    List<Located> items = new ArrayList<>();
    if (value.isText()) {
      items.add(value);
    } else {
      for (Located item : value.list(expected)) {
        item.text("a string");
        items.add(item);
      }
    }
    return Located.ofList(items, value.location(), value.path());
  }

  private static String resolve(Path dir, String path) {
    if (path.startsWith("~/")) {
      return Path.of(System.getProperty("user.home"), path.substring(2)).normalize().toString();
    }
    return dir.resolve(path).normalize().toString();
  }
}
