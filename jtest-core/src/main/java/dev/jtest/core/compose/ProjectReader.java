package dev.jtest.core.compose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the files of one compose project into one normalised document, in compose's order: each
 * file is parsed, interpolated, its services' {@code extends} applied, its {@code include}d
 * projects read and added, and then the files merge as {@code docker compose -f a -f b} merges
 * them.
 */
final class ProjectReader {

  private final List<String> warnings;
  private final Set<String> topLevelKeys;

  /** Each file parsed once, though a project may name it in several {@code extends}. */
  private final Map<Path, YamlTree.Parsed> parsed = new HashMap<>();

  /**
   * @param warnings receives one line per thing jtest ignores
   * @param topLevelKeys the top-level keys jtest reads; others are warned about
   */
  ProjectReader(List<String> warnings, Set<String> topLevelKeys) {
    this.warnings = warnings;
    this.topLevelKeys = topLevelKeys;
  }

  /**
   * One project's document.
   *
   * @param document the files merged, normalised, with {@code extends} and {@code include} applied
   * @param roots each file as written (interpolated), for messages about what is missing
   */
  record Project(Located document, List<Located> roots) {}

  /**
   * Reads {@code files} in merge order.
   *
   * @param dir where relative paths resolve; {@code null} for each file's own directory
   * @param variables what {@code ${VAR}} reads
   * @param includedBy the {@code include} entries that led here, outermost first (empty for the
   *     project the user named)
   */
  Project read(
      List<Path> files, Path dir, Map<String, String> variables, List<Location> includedBy) {
    Interpolator interpolator = new Interpolator(variables);
    Map<Path, YamlTree.Parsed> interpolated = new HashMap<>();
    List<Located> roots = new ArrayList<>();
    Located merged = Located.ofMapping(Map.of(), new Location(files.get(0), 1), List.of());
    for (Path file : files) {
      YamlTree.Parsed document =
          interpolated.computeIfAbsent(file, f -> interpolate(f, interpolator));
      Located root = document.root();
      roots.add(root);
      Map<String, Located> entries = new LinkedHashMap<>(root.mapping("a mapping"));
      Located include = entries.remove(Includes.KEY);
      Located withoutInclude = Located.ofMapping(entries, root.location(), root.path());
      Located normalized =
          ServiceExtends.apply(
              new YamlTree.Parsed(withoutInclude, document.tags()),
              dir != null ? dir : file.getParent(),
              other -> interpolated.computeIfAbsent(other, f -> interpolate(f, interpolator)),
              warnings,
              topLevelKeys);
      if (include != null) {
        normalized = Includes.apply(normalized, include, variables, includedBy, this);
      }
      merged = ComposeMerger.merge(merged, normalized, document.tags());
    }
    return new Project(merged, roots);
  }

  /** {@code file} as written, parsed once. */
  Located parsed(Path file) {
    return parsed.computeIfAbsent(file, YamlTree::read).root();
  }

  private YamlTree.Parsed interpolate(Path file, Interpolator interpolator) {
    YamlTree.Parsed raw = parsed.computeIfAbsent(file, YamlTree::read);
    return new YamlTree.Parsed(
        raw.root().mapTexts((text, at) -> interpolator.interpolate(text, at::toString)),
        raw.tags());
  }
}
