package dev.jtest.core.compose;

import dev.jtest.core.Suggestions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the top-level {@code secrets:} and {@code configs:} and what each service is granted of
 * them. A grant becomes a {@link ServiceFile}; compose's defaults are applied here: a secret lands
 * at {@code /run/secrets/<name>}, a config at {@code /<name>}, both with mode {@code 0444}.
 */
final class SecretsAndConfigs {

  private static final String SOURCES = "'file', 'environment' or 'external'";
  private static final String CONFIG_SOURCES = "'file', 'environment', 'content' or 'external'";
  private static final String GRANT =
      "a name, or a mapping with 'source' and optionally 'target', 'uid', 'gid', 'mode'";

  /** One top-level declaration: its content, or {@code external}. */
  private record Declared(Path file, String content, boolean external, Located node) {}

  private final Map<ServiceFile.Kind, Map<String, Declared>> declared;

  private SecretsAndConfigs(Map<ServiceFile.Kind, Map<String, Declared>> declared) {
    this.declared = declared;
  }

  /**
   * The declarations of the merged {@code document}, checked.
   *
   * @throws dev.jtest.core.ConfigurationException naming file, line, key and value for a
   *     declaration without content, with two sources, with a missing file or an unset variable
   */
  static SecretsAndConfigs of(Located document) {
    Map<ServiceFile.Kind, Map<String, Declared>> declared = new LinkedHashMap<>();
    for (ServiceFile.Kind kind : ServiceFile.Kind.values()) {
      Map<String, Declared> entries = new LinkedHashMap<>();
      document
          .get(kind.key())
          .mapping("a mapping of " + kind.noun() + " names")
          .forEach((name, body) -> entries.put(name, declaration(kind, name, body)));
      declared.put(kind, entries);
    }
    return new SecretsAndConfigs(declared);
  }

  private static Declared declaration(ServiceFile.Kind kind, String name, Located body) {
    String sources = kind == ServiceFile.Kind.CONFIG ? CONFIG_SOURCES : SOURCES;
    body.mapping("a mapping with " + sources);
    List<String> set = new ArrayList<>();
    for (String source : List.of("file", "environment", "content")) {
      if (!body.get(source).isNull()) {
        set.add(source);
      }
    }
    // 'external: false' is no source: the declaration's content is then given by another key.
    if ("true".equalsIgnoreCase(body.get("external").text(ServiceParser.BOOLEAN))) {
      set.add("external");
    }
    if (set.contains("content") && kind == ServiceFile.Kind.SECRET) {
      throw body.get("content")
          .error(
              "secret '"
                  + name
                  + "' has 'content', which only configs take: put it in a file and use 'file'");
    }
    if (set.size() != 1) {
      throw body.error(
          kind.noun()
              + " '"
              + name
              + "' needs exactly one of "
              + sources
              + (set.isEmpty() ? ", found none" : ", found " + String.join(" and ", set)));
    }
    Located value = body.get(set.get(0));
    return switch (set.get(0)) {
      case "file" -> new Declared(file(kind, name, value), null, false, body);
      case "environment" -> new Declared(null, environment(kind, name, value), false, body);
      case "content" -> new Declared(null, value.text("a string"), false, body);
      default -> new Declared(null, null, true, body);
    };
  }

  /** The declared file, resolved against the directory of the compose file that names it. */
  private static Path file(ServiceFile.Kind kind, String name, Located value) {
    String text = value.text("a path");
    Path file = value.location().file().getParent().resolve(text).normalize();
    if (!Files.isRegularFile(file)) {
      throw value.error(
          kind.key()
              + "."
              + name
              + ".file '"
              + text
              + "': "
              + file
              + (Files.isDirectory(file) ? " is a directory" : " does not exist")
              + ": point it at a file, or create the file");
    }
    return file;
  }

  private static String environment(ServiceFile.Kind kind, String name, Located value) {
    String variable = value.text("the name of an environment variable");
    String content = System.getenv(variable);
    if (content == null) {
      throw value.error(
          kind.key()
              + "."
              + name
              + ".environment names the variable '"
              + variable
              + "', which is not set: set it for the build, or use 'file'");
    }
    return content;
  }

  /**
   * The files the service {@code body} is granted by its {@code secrets:} and {@code configs:}, in
   * file order, secrets first.
   *
   * @throws dev.jtest.core.ConfigurationException naming file, line, key and value for an unknown
   *     or external source, a target that is not a path, a uid, gid or mode that is not a number
   */
  List<ServiceFile> files(Located body) {
    List<ServiceFile> files = new ArrayList<>();
    for (ServiceFile.Kind kind : ServiceFile.Kind.values()) {
      for (Located grant : body.get(kind.key()).list("a list of " + kind.noun() + " grants")) {
        files.add(file(kind, grant));
      }
    }
    return List.copyOf(files);
  }

  private ServiceFile file(ServiceFile.Kind kind, Located grant) {
    Located sourceNode = grant.isMapping() ? grant.get("source") : grant;
    String source = sourceNode.text(GRANT);
    if (source == null) {
      throw grant.mismatch(GRANT);
    }
    // Every field's shape is checked before the source is looked up, so that a message names the
    // first thing wrong as the reader meets it.
    String target = grant.isMapping() ? grant.get("target").text("a path") : null;
    Integer uid = id(grant, "uid");
    Integer gid = id(grant, "gid");
    int mode = mode(grant);
    Map<String, Declared> known = declared.get(kind);
    Declared declaration = known.get(source);
    if (declaration == null) {
      throw sourceNode.error(
          "uses "
              + kind.noun()
              + " '"
              + source
              + "', which the top-level '"
              + kind.key()
              + ":' does not declare: declare it with 'file:'"
              + Suggestions.didYouMean(source, known.keySet()));
    }
    if (declaration.external()) {
      throw sourceNode.error(
          "uses "
              + kind.noun()
              + " '"
              + source
              + "', declared 'external: true' at "
              + declaration.node().location()
              + ": external "
              + kind.key()
              + " live in a Swarm, which jtest does not use; declare it with 'file:' or"
              + " 'environment:' for the tests");
    }
    return new ServiceFile(
        kind,
        source,
        target(kind, source, target),
        declaration.file(),
        declaration.content(),
        uid,
        gid,
        mode,
        grant.location());
  }

  /** Compose's placement: a secret's relative target is under {@code /run/secrets}. */
  private static String target(ServiceFile.Kind kind, String source, String target) {
    String name = target == null ? source : target;
    if (name.startsWith("/")) {
      return name;
    }
    return (kind == ServiceFile.Kind.SECRET ? "/run/secrets/" : "/") + name;
  }

  private static Integer id(Located grant, String key) {
    if (!grant.isMapping()) {
      return null;
    }
    Located node = grant.get(key);
    String text = node.text("a numeric id");
    if (text == null) {
      return null;
    }
    try {
      return Integer.parseUnsignedInt(text);
    } catch (NumberFormatException e) {
      throw node.error(
          "'" + node.key() + "' is '" + text + "', not a numeric id: write e.g. " + key + ": 1000");
    }
  }

  /**
   * The mode as YAML reads a number: {@code 0440} and {@code 0o440} are octal, {@code 288} decimal;
   * write bits are dropped, as the specification says they must be.
   */
  private static int mode(Located grant) {
    if (!grant.isMapping()) {
      return ServiceFile.DEFAULT_MODE;
    }
    Located node = grant.get("mode");
    String text = node.text("an octal mode such as 0440");
    if (text == null) {
      return ServiceFile.DEFAULT_MODE;
    }
    int mode;
    try {
      if (text.startsWith("0o") || text.startsWith("0O")) {
        mode = Integer.parseInt(text.substring(2), 8);
      } else if (text.length() > 1 && text.startsWith("0")) {
        mode = Integer.parseInt(text.substring(1), 8);
      } else {
        mode = Integer.parseInt(text);
      }
    } catch (NumberFormatException e) {
      mode = -1;
    }
    if (mode < 0 || mode > 07777) {
      throw node.error(
          "'" + node.key() + "' is '" + text + "', not a file mode: write it in octal, e.g. 0440");
    }
    return mode & ~0222;
  }
}
