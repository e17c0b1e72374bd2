package dev.jtest.core.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Merges normalised compose documents as {@code docker compose -f a -f b} does: mappings merge key
 * by key, later scalars win, {@code ports}, {@code expose}, {@code env_file}, {@code tmpfs}, {@code
 * cap_add}, {@code cap_drop}, {@code security_opt}, {@code devices} and {@code group_add} append,
 * {@code volumes} merge by target path, and every other list (command, entrypoint, healthcheck
 * test, profiles) is replaced. A merged mapping takes the place of the later file's.
 */
final class ComposeMerger {

  private static final Set<String> APPENDED =
      Set.of(
          "ports",
          "expose",
          "env_file",
          "tmpfs",
          "cap_add",
          "cap_drop",
          "security_opt",
          "devices",
          "group_add");

  private ComposeMerger() {}

  /** {@code next} merged over {@code base}; both are mappings. */
  static Located mergeDocuments(Located base, Located next) {
    return mergeMaps(base, next);
  }

  private static Located mergeMaps(Located base, Located next) {
    Map<String, Located> out = new LinkedHashMap<>(base.mapping("a mapping"));
    for (Map.Entry<String, Located> entry : next.mapping("a mapping").entrySet()) {
      String name = entry.getKey();
      Located older = out.get(name);
      Located newer = entry.getValue();
      if (older != null && older.isMapping() && newer.isMapping()) {
        out.put(name, mergeMaps(older, newer));
      } else if (older != null && older.isList() && newer.isList() && APPENDED.contains(name)) {
        out.put(name, appendUnique(older, newer));
      } else if (older != null && older.isList() && newer.isList() && name.equals("volumes")) {
        out.put(name, mergeByTarget(older, newer));
      } else {
        out.put(name, newer);
      }
    }
    return Located.ofMapping(out, next.location(), next.path());
  }

  private static Located appendUnique(Located base, Located next) {
    List<Located> out = new ArrayList<>(base.list("a list"));
    for (Located item : next.list("a list")) {
      Object plain = item.plain();
      if (out.stream().noneMatch(o -> Objects.equals(o.plain(), plain))) {
        out.add(item);
      }
    }
    return Located.ofList(out, next.location(), next.path());
  }

  private static Located mergeByTarget(Located base, Located next) {
    Map<String, Located> byTarget = new LinkedHashMap<>();
    for (Located item : base.list("a list")) {
      byTarget.put(item.get("target").text(), item);
    }
    for (Located item : next.list("a list")) {
      byTarget.put(item.get("target").text(), item);
    }
    return Located.ofList(new ArrayList<>(byTarget.values()), next.location(), next.path());
  }
}
