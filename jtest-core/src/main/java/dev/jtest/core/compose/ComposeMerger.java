package dev.jtest.core.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Merges normalised compose documents as {@code docker compose -f a -f b} does: mappings merge key
 * by key, later scalars win, {@code ports}, {@code expose}, {@code env_file} and {@code tmpfs}
 * append, {@code volumes} merge by target path, and every other list (command, entrypoint,
 * healthcheck test, profiles) is replaced.
 */
final class ComposeMerger {

  private static final Set<String> APPENDED = Set.of("ports", "expose", "env_file", "tmpfs");

  private ComposeMerger() {}

  static Map<String, Object> mergeDocuments(Map<String, Object> base, Map<String, Object> next) {
    return mergeMaps(base, next, "");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> mergeMaps(
      Map<String, Object> base, Map<String, Object> next, String key) {
    Map<String, Object> out = new LinkedHashMap<>(base);
    for (Map.Entry<String, Object> entry : next.entrySet()) {
      String name = entry.getKey();
      Object older = out.get(name);
      Object newer = entry.getValue();
      if (older instanceof Map<?, ?> a && newer instanceof Map<?, ?> b) {
        out.put(name, mergeMaps((Map<String, Object>) a, (Map<String, Object>) b, name));
      } else if (older instanceof List<?> a
          && newer instanceof List<?> b
          && APPENDED.contains(name)) {
        out.put(name, appendUnique(a, b));
      } else if (older instanceof List<?> a
          && newer instanceof List<?> b
          && name.equals("volumes")) {
        out.put(name, mergeByTarget(a, b));
      } else {
        out.put(name, newer);
      }
    }
    return out;
  }

  private static List<Object> appendUnique(List<?> base, List<?> next) {
    List<Object> out = new ArrayList<>(base);
    for (Object item : next) {
      boolean present = out.stream().anyMatch(o -> unwrap(o).equals(unwrap(item)));
      if (!present) {
        out.add(item);
      }
    }
    return out;
  }

  private static List<Object> mergeByTarget(List<?> base, List<?> next) {
    Map<Object, Object> byTarget = new LinkedHashMap<>();
    for (Object item : base) {
      byTarget.put(target(item), item);
    }
    for (Object item : next) {
      byTarget.put(target(item), item);
    }
    return new ArrayList<>(byTarget.values());
  }

  private static Object target(Object volume) {
    return volume instanceof Map<?, ?> map
        ? Objects.toString(unwrap(map.get("target")))
        : unwrap(volume);
  }

  /** The values of a normalised tree without their places, for comparison and fingerprints. */
  static Object unwrap(Object value) {
    if (value instanceof Located located) {
      return located.value();
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object item : list) {
        out.add(unwrap(item));
      }
      return out;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!String.valueOf(entry.getKey()).startsWith("@")) {
          out.put(String.valueOf(entry.getKey()), unwrap(entry.getValue()));
        }
      }
      return out;
    }
    return value;
  }
}
