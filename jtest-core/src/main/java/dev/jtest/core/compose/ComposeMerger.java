package dev.jtest.core.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Merges normalised compose documents as {@code docker compose -f a -f b} does, and a service over
 * the one it {@code extends}: mappings merge key by key, later scalars win, {@code ports}, {@code
 * expose}, {@code env_file}, {@code tmpfs} and the other lists of unique items ({@code cap_add},
 * {@code dns}, …) append, {@code volumes} merge by target path, and every other list (command,
 * entrypoint, healthcheck test, profiles) is replaced. A merged mapping takes the place of the
 * later file's. A value the later file marks {@code !reset} is removed, one marked {@code
 * !override} replaces the earlier value whole.
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
          "dns",
          "dns_search",
          "dns_opt",
          "device_cgroup_rules",
          "external_links",
          "group_add");

  /** The compose merge tags ({@code 13-merge.md}). */
  enum Rule {
    /** {@code !reset}: the value is removed, whatever the earlier files set. */
    RESET,
    /** {@code !override}: the value replaces the earlier one instead of merging with it. */
    OVERRIDE;

    /** The rule of a YAML tag, or {@code null} for any other tag. */
    static Rule of(String tag) {
      return switch (tag) {
        case "!reset" -> RESET;
        case "!override" -> OVERRIDE;
        default -> null;
      };
    }
  }

  private ComposeMerger() {}

  /** {@code next} merged over {@code base}; both are mappings. */
  static Located mergeDocuments(Located base, Located next) {
    return merge(base, next, Map.of());
  }

  /**
   * {@code next} merged over {@code base} (two documents, or a service over the one it extends).
   *
   * @param tags the merge rules {@code next}'s file gave, by the path of the value they mark
   */
  static Located merge(Located base, Located next, Map<List<Object>, Rule> tags) {
    return mergeMaps(base, next, tags);
  }

  private static Located mergeMaps(Located base, Located next, Map<List<Object>, Rule> tags) {
    Map<String, Located> out = new LinkedHashMap<>(base.mapping("a mapping"));
    for (Map.Entry<String, Located> entry : next.mapping("a mapping").entrySet()) {
      String name = entry.getKey();
      Located older = out.get(name);
      Located newer = entry.getValue();
      Rule rule = tags.get(newer.path());
      if (rule == Rule.RESET) {
        out.remove(name);
      } else if (rule == Rule.OVERRIDE
          || (older == null && (tags.isEmpty() || !newer.isMapping()))) {
        out.put(name, newer);
      } else if (older == null) {
        // Merged over nothing, so that a !reset deeper down removes its key here too.
        out.put(name, mergeMaps(Located.none(newer.location(), newer.path()), newer, tags));
      } else if (older.isMapping() && newer.isMapping()) {
        out.put(name, mergeMaps(older, newer, tags));
      } else if (older.isList() && newer.isList() && APPENDED.contains(name)) {
        out.put(name, appendUnique(older, newer));
      } else if (older.isList() && newer.isList() && name.equals("volumes")) {
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
