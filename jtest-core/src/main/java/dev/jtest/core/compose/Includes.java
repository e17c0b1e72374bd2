package dev.jtest.core.compose;

import dev.jtest.core.ConfigurationException;
import dev.jtest.core.Suggestions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Applies a compose file's top-level {@code include}: each entry is read as a project of its own
 * (its own directory for relative paths, its own {@code .env} or {@code env_file} for the variables
 * the including project does not set), and its services, volumes and networks are added to the
 * including file (and its secrets and configs, where jtest reads them). A name both define
 * differently is an error, as compose refuses to merge them.
 */
final class Includes {

  static final String KEY = "include";

  private static final Set<String> ENTRY_KEYS = Set.of("path", "project_directory", "env_file");
  private static final List<String> IMPORTED =
      List.of("services", "volumes", "networks", "secrets", "configs");
  private static final String FORMS =
      "a list of paths, or of mappings with 'path:' (and 'project_directory:', 'env_file:')";

  private Includes() {}

  /**
   * {@code document} with the resources of every project {@code include} names.
   *
   * @param document one normalised compose file
   * @param variables the including project's variables, which win over the included {@code .env}
   * @param includedBy the {@code include} entries that led to {@code document}'s file
   * @throws ConfigurationException for a malformed entry, a missing file or a cycle (naming the
   *     chain), or a name the included project and {@code document} define differently
   */
  static Located apply(
      Located document,
      Located include,
      Map<String, String> variables,
      List<Location> includedBy,
      ProjectReader reader) {
    Path file = document.location().file();
    Path dir = file.getParent();
    Map<String, Located> out = new LinkedHashMap<>(document.mapping("a mapping"));
    for (Located entry : include.list(FORMS)) {
      List<Path> paths = paths(entry, dir);
      for (Path path : paths) {
        checkNoCycle(path, file, entry, includedBy);
      }
      Located directory = entry.isMapping() ? entry.get("project_directory") : null;
      Path projectDir =
          directory == null || directory.text("a path") == null
              ? paths.get(0).getParent()
              : dir.resolve(directory.text()).normalize();
      Map<String, String> included = new LinkedHashMap<>(dotEnv(entry, dir, projectDir));
      included.putAll(variables);
      List<Location> chain = new ArrayList<>(includedBy);
      chain.add(entry.location());
      Located imported =
          reader.read(paths, directory == null ? null : projectDir, included, chain).document();
      for (String kind : IMPORTED) {
        Map<String, Located> from = imported.get(kind).mapping("a mapping");
        if (!from.isEmpty()) {
          out.put(kind, importInto(out.get(kind), from, kind, entry, document, file));
        }
      }
    }
    return Located.ofMapping(out, document.location(), document.path());
  }

  private static List<Path> paths(Located entry, Path dir) {
    Located path = entry;
    if (entry.isMapping()) {
      for (Map.Entry<String, Located> key : entry.mapping(FORMS).entrySet()) {
        if (!ENTRY_KEYS.contains(key.getKey())) {
          throw key.getValue()
              .error(
                  "'include' entries take path, project_directory and env_file, not '"
                      + key.getKey()
                      + "'"
                      + Suggestions.didYouMean(key.getKey(), ENTRY_KEYS));
        }
      }
      path = entry.get("path");
      if (path.isNull()) {
        throw entry.error("an 'include' entry needs 'path:', the compose file to include");
      }
    }
    List<Path> paths = new ArrayList<>();
    for (String name : path.texts("a path or a list of paths")) {
      Path resolved = dir.resolve(name).normalize();
      if (!Files.isRegularFile(resolved)) {
        throw path.error(
            "included file '"
                + name
                + "' does not exist (looked at "
                + resolved
                + "): fix the path in 'include', relative to "
                + dir);
      }
      paths.add(resolved);
    }
    if (paths.isEmpty()) {
      throw path.error("an 'include' entry needs at least one path");
    }
    return paths;
  }

  private static void checkNoCycle(Path path, Path file, Located entry, List<Location> includedBy) {
    List<Path> open = new ArrayList<>();
    includedBy.forEach(at -> open.add(at.file()));
    open.add(file);
    int start = open.indexOf(path);
    if (start < 0) {
      return;
    }
    List<Location> links = new ArrayList<>(includedBy);
    links.add(entry.location());
    List<String> steps = new ArrayList<>();
    for (int i = start; i < links.size(); i++) {
      Path next = i + 1 < open.size() ? open.get(i + 1) : path;
      steps.add(where(links.get(i), file) + " includes " + file.getParent().relativize(next));
    }
    throw new ConfigurationException(
        "'include' never ends: " + String.join(", ", steps) + ". Remove one of these includes");
  }

  /** The included project's own variables: {@code env_file}, or the {@code .env} beside it. */
  private static Map<String, String> dotEnv(Located entry, Path dir, Path projectDir) {
    Located envFile = entry.isMapping() ? entry.get("env_file") : null;
    Map<String, String> variables = new LinkedHashMap<>();
    if (envFile == null || envFile.isNull()) {
      Path dotEnv = projectDir.resolve(".env");
      if (Files.isRegularFile(dotEnv)) {
        variables.putAll(EnvFiles.read(dotEnv, ".env of the included project"));
      }
      return variables;
    }
    for (String name : envFile.texts("a path or a list of paths")) {
      Path path = dir.resolve(name).normalize();
      if (!Files.isRegularFile(path)) {
        throw envFile.error(
            "'include' env_file '" + name + "' does not exist (looked at " + path + ")");
      }
      variables.putAll(EnvFiles.read(path, envFile.location().toString()));
    }
    return variables;
  }

  /**
   * {@code at} with its file relative to the including file's directory: included projects often
   * all call their file {@code compose.yaml}.
   */
  private static String where(Location at, Path including) {
    return including.getParent().relativize(at.file()) + ":" + at.line();
  }

  private static Located importInto(
      Located existing,
      Map<String, Located> from,
      String kind,
      Located entry,
      Located document,
      Path file) {
    Map<String, Located> to =
        new LinkedHashMap<>(existing == null ? Map.of() : existing.mapping("a mapping"));
    for (Map.Entry<String, Located> resource : from.entrySet()) {
      Located mine = to.get(resource.getKey());
      if (mine == null) {
        to.put(resource.getKey(), resource.getValue());
      } else if (!Objects.equals(mine.plain(), resource.getValue().plain())) {
        String singular = kind.substring(0, kind.length() - 1);
        throw new ConfigurationException(
            singular
                + " '"
                + resource.getKey()
                + "' is defined twice: at "
                + where(mine.location(), file)
                + " and at "
                + where(resource.getValue().location(), file)
                + ", which "
                + entry.location()
                + " includes. Compose does not merge an included "
                + singular
                + " with one of the same name: rename one of them, or remove one definition");
      }
    }
    Location at = existing == null ? document.location() : existing.location();
    return Located.ofMapping(to, at, List.of(kind));
  }
}
