package dev.jtest.core.compose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings one compose file to the canonical form the merge works on: scalars interpolated and
 * wrapped in {@link Located}; {@code environment}, {@code labels}, {@code depends_on} and {@code
 * networks} as maps; {@code build} as a map; bind sources, build contexts and env files as absolute
 * paths resolved against this file's directory; volumes in long form.
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
          "x-jtest");

  private ComposeNormalizer() {}

  static Map<String, Object> normalize(
      YamlTree tree, Interpolator interpolator, List<String> warnings, Set<String> topLevelKeys) {
    Path dir = tree.file().getParent();
    @SuppressWarnings("unchecked")
    Map<String, Object> document = (Map<String, Object>) wrap(tree.root(), "", tree, interpolator);
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : document.entrySet()) {
      String key = entry.getKey();
      if (key.startsWith("x-")) {
        continue;
      }
      if (!topLevelKeys.contains(key)) {
        warnings.add(
            location(tree, "/" + YamlTree.escape(key))
                + ": top-level key '"
                + key
                + "' is not supported by jtest and is ignored");
        continue;
      }
      out.put(key, entry.getValue());
    }
    Object services = out.get("services");
    if (services != null && !(services instanceof Map)) {
      throw ComposeLoader.error(
          location(tree, "/services"), null, "'services' must be a mapping of service names");
    }
    Map<String, Object> normalized = new LinkedHashMap<>();
    if (services instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> service : map.entrySet()) {
        String name = String.valueOf(service.getKey());
        String path = "/services/" + YamlTree.escape(name);
        Location at = location(tree, path);
        if (!(service.getValue() instanceof Map<?, ?> body)) {
          throw ComposeLoader.error(at, name, "must be a mapping of keys such as image: or build:");
        }
        normalized.put(name, normalizeService(name, at, castMap(body), dir, tree, path, warnings));
      }
      out.put("services", normalized);
    }
    return out;
  }

  private static Map<String, Object> normalizeService(
      String name,
      Location at,
      Map<String, Object> body,
      Path dir,
      YamlTree tree,
      String path,
      List<String> warnings) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("@location", new Located(name, at));
    for (Map.Entry<String, Object> entry : body.entrySet()) {
      String key = entry.getKey();
      Object value = entry.getValue();
      Location keyAt = location(tree, path + "/" + YamlTree.escape(key));
      if (!SERVICE_KEYS.contains(key)) {
        if (!key.startsWith("x-")) {
          String why =
              key.equals("container_name")
                  ? " (jtest names containers jtest-<run id>-<service> so that runs never collide)"
                  : "";
          warnings.add(
              keyAt
                  + ": service '"
                  + name
                  + "': key '"
                  + key
                  + "' is not supported by jtest and is ignored"
                  + why);
        }
        continue;
      }
      switch (key) {
        case "build" -> out.put(key, normalizeBuild(value, dir, keyAt, name));
        case "environment", "labels" -> out.put(key, toMap(value, keyAt, name, key));
        case "depends_on" -> out.put(key, normalizeDependsOn(value, keyAt, name));
        case "networks" -> out.put(key, toKeyMap(value));
        case "env_file" -> out.put(key, normalizeEnvFiles(value, dir));
        case "volumes" -> out.put(key, normalizeVolumes(value, dir, keyAt, name));
        case "tmpfs" -> out.put(key, asList(value));
        case "x-jtest" -> {
          checkExtensionKeys(name, value, tree, path + "/x-jtest", warnings);
          out.put(key, value);
        }
        default -> out.put(key, value);
      }
    }
    return out;
  }

  /**
   * Warns of x-jtest keys that no capability reads, a likely typo (here, where lines are known).
   */
  private static void checkExtensionKeys(
      String service, Object extension, YamlTree tree, String path, List<String> warnings) {
    if (!(extension instanceof Map<?, ?> map)) {
      return;
    }
    for (Object key : map.keySet()) {
      if (!ServiceParser.JTEST_KEYS.contains(String.valueOf(key))) {
        warnings.add(
            location(tree, path + "/" + YamlTree.escape(String.valueOf(key)))
                + ": service '"
                + service
                + "': x-jtest key '"
                + key
                + "' is unknown and ignored (known: "
                + String.join(", ", ServiceParser.JTEST_KEYS.stream().sorted().toList())
                + ")");
      }
    }
    if (map.get("wait") instanceof Map<?, ?> wait) {
      for (Object key : wait.keySet()) {
        if (!ServiceParser.WAIT_KEYS.contains(String.valueOf(key))) {
          warnings.add(
              location(tree, path + "/wait/" + YamlTree.escape(String.valueOf(key)))
                  + ": service '"
                  + service
                  + "': x-jtest.wait key '"
                  + key
                  + "' is unknown and ignored (known: command, http, log, tcp, timeout)");
        }
      }
    }
  }

  private static Map<String, Object> normalizeBuild(
      Object value, Path dir, Location at, String service) {
    Map<String, Object> build = new LinkedHashMap<>();
    if (value instanceof Located context) {
      build.put("context", new Located(resolve(dir, context.value()), context.location()));
      return build;
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw ComposeLoader.error(at, service, "'build' must be a path or a mapping with 'context'");
    }
    build.putAll(castMap(map));
    Object context = build.get("context");
    Located located = context instanceof Located l ? l : new Located(".", at);
    build.put("context", new Located(resolve(dir, located.value()), located.location()));
    if (build.get("args") != null) {
      build.put("args", toMap(build.get("args"), at, service, "build.args"));
    }
    return build;
  }

  private static Map<String, Object> normalizeDependsOn(Object value, Location at, String service) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        Located dependency = (Located) item;
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put(
            "condition",
            new Located(DependencyCondition.SERVICE_STARTED.composeName(), dependency.location()));
        condition.put("@location", dependency);
        out.put(dependency.value(), condition);
      }
      return out;
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw ComposeLoader.error(
          at, service, "'depends_on' must be a list or a mapping of services");
    }
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      Map<String, Object> condition = new LinkedHashMap<>();
      if (entry.getValue() instanceof Map<?, ?> body) {
        condition.putAll(castMap(body));
      }
      condition.putIfAbsent(
          "condition", new Located(DependencyCondition.SERVICE_STARTED.composeName(), at));
      condition.put("@location", new Located(String.valueOf(entry.getKey()), at));
      out.put(String.valueOf(entry.getKey()), condition);
    }
    return out;
  }

  private static List<Object> normalizeEnvFiles(Object value, Path dir) {
    List<Object> files = new ArrayList<>();
    for (Object item : asList(value)) {
      Located file = item instanceof Map<?, ?> map ? (Located) map.get("path") : (Located) item;
      files.add(new Located(resolve(dir, file.value()), file.location()));
    }
    return files;
  }

  /** Volumes in long form: {type, source, target, read_only}, bind sources absolute. */
  private static List<Object> normalizeVolumes(
      Object value, Path dir, Location at, String service) {
    List<Object> out = new ArrayList<>();
    for (Object item : asList(value)) {
      Map<String, Object> volume = new LinkedHashMap<>();
      if (item instanceof Located short_) {
        Location where = short_.location();
        String[] parts = short_.value().split(":");
        if (parts.length == 1) {
          volume.put("type", new Located("volume", where));
          volume.put("target", new Located(parts[0], where));
        } else if (parts.length <= 3) {
          String source = parts[0];
          boolean bind = source.startsWith(".") || source.startsWith("/") || source.startsWith("~");
          volume.put("type", new Located(bind ? "bind" : "volume", where));
          volume.put("source", new Located(bind ? resolve(dir, source) : source, where));
          volume.put("target", new Located(parts[1], where));
          if (parts.length == 3) {
            volume.put(
                "read_only",
                new Located(String.valueOf(List.of(parts[2].split(",")).contains("ro")), where));
          }
        } else {
          throw ComposeLoader.error(
              where, service, "volume '" + short_.value() + "' is not SOURCE:TARGET[:MODE]");
        }
      } else if (item instanceof Map<?, ?> map) {
        volume.putAll(castMap(map));
        Located type = (Located) volume.get("type");
        Located source = (Located) volume.get("source");
        if (type != null && type.value().equals("bind") && source != null) {
          volume.put("source", new Located(resolve(dir, source.value()), source.location()));
        }
      } else {
        throw ComposeLoader.error(at, service, "a volume must be a string or a mapping");
      }
      out.add(volume);
    }
    return out;
  }

  private static Map<String, Object> toMap(Object value, Location at, String service, String key) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (value == null) {
      return out;
    }
    if (value instanceof Map<?, ?> map) {
      out.putAll(castMap(map));
      return out;
    }
    if (!(value instanceof List<?> list)) {
      throw ComposeLoader.error(
          at, service, "'" + key + "' must be a mapping or a list of KEY=VALUE");
    }
    for (Object item : list) {
      Located entry = (Located) item;
      int equals = entry.value().indexOf('=');
      if (equals < 0) {
        out.put(entry.value(), null);
      } else {
        out.put(
            entry.value().substring(0, equals),
            new Located(entry.value().substring(equals + 1), entry.location()));
      }
    }
    return out;
  }

  private static Map<String, Object> toKeyMap(Object value) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      out.putAll(castMap(map));
    } else {
      for (Object item : asList(value)) {
        out.put(String.valueOf(item), null);
      }
    }
    return out;
  }

  static List<Object> asList(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return new ArrayList<>(list);
    }
    return new ArrayList<>(List.of(value));
  }

  private static String resolve(Path dir, String path) {
    if (path.startsWith("~/")) {
      return Path.of(System.getProperty("user.home"), path.substring(2)).normalize().toString();
    }
    return dir.resolve(path).normalize().toString();
  }

  private static Object wrap(Object value, String path, YamlTree tree, Interpolator interpolator) {
    if (value instanceof String text) {
      Location at = location(tree, path);
      return new Located(interpolator.interpolate(text, at::toString), at);
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        out.add(wrap(list.get(i), path + "/" + i, tree, interpolator));
      }
      return out;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = String.valueOf(entry.getKey());
        out.put(key, wrap(entry.getValue(), path + "/" + YamlTree.escape(key), tree, interpolator));
      }
      return out;
    }
    return value;
  }

  /** The line of {@code path}, or of its nearest ancestor that has one. */
  static Location location(YamlTree tree, String path) {
    String current = path;
    while (true) {
      Integer line = tree.lines().get(current.isEmpty() ? "/" : current);
      if (line != null) {
        return new Location(tree.file(), line);
      }
      int slash = current.lastIndexOf('/');
      if (slash <= 0) {
        return new Location(tree.file(), 1);
      }
      current = current.substring(0, slash);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> castMap(Map<?, ?> map) {
    return new LinkedHashMap<>((Map<String, Object>) map);
  }
}
