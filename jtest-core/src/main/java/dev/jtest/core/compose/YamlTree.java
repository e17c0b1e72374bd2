package dev.jtest.core.compose;

import dev.jtest.core.ConfigurationException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * One compose file as plain values ({@code Map<String,Object>}, {@code List<Object>}, {@code
 * String}, {@code null}) plus the line of every value, keyed by its path ({@code
 * /services/auth/ports/0}).
 *
 * <p>Scalars stay strings: compose gives {@code 8080} and {@code "8080"} the same meaning, and
 * interpolation works on text. YAML merge keys ({@code <<: *common}) are applied.
 */
final class YamlTree {

  private final Path file;
  private final Object root;
  private final Map<String, Integer> lines;

  private YamlTree(Path file, Object root, Map<String, Integer> lines) {
    this.file = file;
    this.root = root;
    this.lines = lines;
  }

  /**
   * Reads {@code file}.
   *
   * @throws ConfigurationException naming file and line when it is not valid YAML, or not a mapping
   */
  static YamlTree parse(Path file) {
    Node node;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
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
    Map<String, Integer> lines = new HashMap<>();
    if (node == null) {
      return new YamlTree(file, new LinkedHashMap<String, Object>(), lines);
    }
    Object root = convert(node, "", lines);
    if (!(root instanceof Map)) {
      throw new ConfigurationException(
          file.getFileName()
              + ":"
              + (node.getStartMark().getLine() + 1)
              + ": a compose file must be a mapping with a 'services:' key");
    }
    return new YamlTree(file, root, lines);
  }

  Path file() {
    return file;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> root() {
    return (Map<String, Object>) root;
  }

  /** Line numbers by path, 1-based. */
  Map<String, Integer> lines() {
    return lines;
  }

  private static Object convert(Node node, String path, Map<String, Integer> lines) {
    lines.put(path.isEmpty() ? "/" : path, node.getStartMark().getLine() + 1);
    if (node instanceof ScalarNode scalar) {
      return Tag.NULL.equals(scalar.getTag()) ? null : scalar.getValue();
    }
    if (node instanceof SequenceNode sequence) {
      List<Object> list = new ArrayList<>();
      for (Node item : sequence.getValue()) {
        list.add(convert(item, path + "/" + list.size(), lines));
      }
      return list;
    }
    MappingNode mapping = (MappingNode) node;
    Map<String, Object> map = new LinkedHashMap<>();
    List<MappingNode> merged = new ArrayList<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      String key = keyNode instanceof ScalarNode s ? s.getValue() : String.valueOf(keyNode);
      if ("<<".equals(key) || Tag.MERGE.equals(keyNode.getTag())) {
        collectMerged(tuple.getValueNode(), merged);
        continue;
      }
      String child = path + "/" + escape(key);
      map.put(key, convert(tuple.getValueNode(), child, lines));
      lines.put(child, keyNode.getStartMark().getLine() + 1);
    }
    // Merge keys: explicit entries win; among merged mappings, the first one wins (YAML spec).
    for (MappingNode source : merged) {
      Object value = convert(source, path + "/<<", new HashMap<>());
      for (Map.Entry<String, Object> entry : ((Map<String, Object>) cast(value)).entrySet()) {
        if (!map.containsKey(entry.getKey())) {
          map.put(entry.getKey(), entry.getValue());
          lines.put(path + "/" + escape(entry.getKey()), source.getStartMark().getLine() + 1);
        }
      }
    }
    return map;
  }

  private static void collectMerged(Node value, List<MappingNode> into) {
    if (value instanceof MappingNode mapping) {
      into.add(mapping);
    } else if (value instanceof SequenceNode sequence) {
      for (Node item : sequence.getValue()) {
        collectMerged(item, into);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object value) {
    return (Map<String, Object>) value;
  }

  /** Path segments escape '/' and '~' as JSON pointers do. */
  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
