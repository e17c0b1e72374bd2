package dev.jtest.core.compose;

import dev.jtest.core.ConfigurationException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one compose file into a tree of {@link Located} values, each with its line and the keys
 * that lead to it.
 *
 * <p>A key given twice in one mapping is an error naming both lines, as in {@code docker compose}:
 * SnakeYAML's {@code compose()} keeps both (only its constructor checks {@code
 * allowDuplicateKeys}), and a silent "last one wins" hides mistakes. YAML merge keys ({@code <<:
 * *common}) are applied: explicit entries win; among merged mappings, the first one wins (YAML
 * spec), so a value merged in from an anchor keeps the line where the anchor wrote it.
 *
 * <p>The compose merge tags {@code !reset} and {@code !override} are recorded by the path of the
 * value they mark, for {@link ComposeMerger}; a {@code !reset} value reads as null, as compose
 * ignores what it holds.
 */
final class YamlTree {

  /**
   * Aliases to mappings and lists one file may use. SnakeYAML's default of 50 guards against
   * "billion laughs" but refuses real compose files that give 60 services {@code <<: *defaults};
   * the guard against a self-containing alias below stays.
   */
  private static final int MAX_ALIASES = 5_000;

  private YamlTree() {}

  /**
   * One parsed file.
   *
   * @param root the document, a mapping
   * @param tags the merge rule of each value marked {@code !reset} or {@code !override}, by its
   *     path from the root
   */
  record Parsed(Located root, Map<List<Object>, ComposeMerger.Rule> tags) {}

  /** Reads {@code file} without its merge tags; see {@link #read(Path)}. */
  static Located parse(Path file) {
    return read(file).root();
  }

  /**
   * Reads {@code file}; an empty file is an empty mapping.
   *
   * @throws ConfigurationException naming file and line when it is not valid YAML, not a mapping,
   *     or has a key twice
   */
  static Parsed read(Path file) {
    Node node;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      LoaderOptions options = new LoaderOptions();
      options.setMaxAliasesForCollections(MAX_ALIASES);
      node = new Yaml(options).compose(reader);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int line = mark == null ? 1 : mark.getLine() + 1;
      String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
      String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
      throw new ConfigurationException(
          file.getFileName()
              + ":"
              + line
              + ": not valid YAML: "
              + problem
              + context
              + ". Fix the file ("
              + file
              + ").");
    } catch (YAMLException e) {
      throw new ConfigurationException(
          file.getFileName() + ": not valid YAML: " + e.getMessage() + " (" + file + ")");
    } catch (IOException e) {
      throw new ConfigurationException("cannot read compose file " + file + ": " + e, e);
    }
    if (node == null) {
      return new Parsed(Located.ofMapping(Map.of(), new Location(file, 1), List.of()), Map.of());
    }
    Converter converter = new Converter(file);
    Located root = converter.convert(node, List.of(), line(node));
    if (!root.isMapping()) {
      throw new ConfigurationException(
          file.getFileName()
              + ":"
              + line(node)
              + ": a compose file must be a mapping with a 'services:' key, found "
              + root.describe());
    }
    return new Parsed(root, Map.copyOf(converter.tags));
  }

  private static int line(Node node) {
    return node.getStartMark().getLine() + 1;
  }

  /** Converts SnakeYAML's nodes of one file. */
  private static final class Converter {
    private final Path file;

    /** The mappings and lists being converted: an alias to one of them would never end. */
    private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());

    private final Map<List<Object>, ComposeMerger.Rule> tags = new HashMap<>();

    Converter(Path file) {
      this.file = file;
    }

    /**
     * @param line where the value is written: a mapping's value is placed at its key's line, so
     *     that a message points at the key the user reads
     */
    Located convert(Node node, List<Object> path, int line) {
      Location at = new Location(file, line);
      ComposeMerger.Rule rule = ComposeMerger.Rule.of(node.getTag().getValue());
      if (rule != null) {
        tags.put(List.copyOf(path), rule);
        if (rule == ComposeMerger.Rule.RESET) {
          return Located.none(at, path);
        }
      }
      if (node instanceof ScalarNode scalar) {
        return Tag.NULL.equals(scalar.getTag())
            ? Located.none(at, path)
            : Located.ofText(scalar.getValue(), at, path);
      }
      if (!open.add(node)) {
        throw new ConfigurationException(
            at + ": an alias refers to a value that contains it, which never ends: remove it");
      }
      try {
        if (node instanceof SequenceNode sequence) {
          List<Located> items = new ArrayList<>();
          for (Node item : sequence.getValue()) {
            items.add(convert(item, Located.child(path, items.size()), line(item)));
          }
          return Located.ofList(items, at, path);
        }
        return mapping((MappingNode) node, path, at);
      } finally {
        open.remove(node);
      }
    }

    private Located mapping(MappingNode mapping, List<Object> path, Location at) {
      Map<String, Located> entries = new LinkedHashMap<>();
      Map<String, Integer> lines = new HashMap<>();
      List<MappingNode> merged = new ArrayList<>();
      for (NodeTuple tuple : mapping.getValue()) {
        Node keyNode = tuple.getKeyNode();
        int keyLine = line(keyNode);
        if (!(keyNode instanceof ScalarNode scalar)) {
          throw Located.none(new Location(file, keyLine), path)
              .error("a key must be a plain name, not a list or a mapping");
        }
        String key = scalar.getValue();
        if ("<<".equals(key) || Tag.MERGE.equals(keyNode.getTag())) {
          collectMerged(tuple.getValueNode(), merged, path, keyLine);
          continue;
        }
        List<Object> entryPath = Located.child(path, key);
        Integer first = lines.putIfAbsent(key, keyLine);
        if (first != null) {
          Located duplicate = Located.none(new Location(file, keyLine), entryPath);
          String what = duplicate.key().isEmpty() ? "" : "'" + duplicate.key() + "' is ";
          throw duplicate.error(
              what + "defined twice (first at line " + first + "): keep one of them");
        }
        entries.put(key, convert(tuple.getValueNode(), entryPath, keyLine));
      }
      for (MappingNode source : merged) {
        Located from = convert(source, path, line(source));
        from.mapping("a mapping").forEach(entries::putIfAbsent);
      }
      return Located.ofMapping(entries, at, path);
    }

    private void collectMerged(Node value, List<MappingNode> into, List<Object> path, int line) {
      if (value instanceof MappingNode mapping) {
        into.add(mapping);
      } else if (value instanceof SequenceNode sequence
          && sequence.getValue().stream().allMatch(MappingNode.class::isInstance)) {
        sequence.getValue().forEach(item -> into.add((MappingNode) item));
      } else {
        throw Located.none(new Location(file, line), path)
            .error(
                "a merge key ('<<') must name a mapping or a list of mappings, e.g. <<: *common");
      }
    }
  }
}
