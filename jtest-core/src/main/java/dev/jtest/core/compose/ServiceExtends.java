package dev.jtest.core.compose;

import dev.jtest.core.ConfigurationException;
import dev.jtest.core.Suggestions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Applies {@code extends} to the services of one compose file, as {@code docker compose} does: the
 * extended service (in the same file, or in {@code file:}, chained to any depth) is normalised
 * where it is written, so that its relative paths (build context, env files, bind mounts) resolve
 * against its own file's directory, and the extending service is merged over it with {@link
 * ComposeMerger}'s rules, {@code !reset} and {@code !override} included. Like compose, every key is
 * inherited, {@code depends_on} too: the extending file must declare what the inherited keys refer
 * to.
 */
final class ServiceExtends {

  static final String KEY = "extends";

  private static final String FORMS =
      "a service name or a mapping with 'service:' (and 'file:' for another file)";

  private final Function<Path, YamlTree.Parsed> files;
  private final List<String> warnings;
  private final Map<Path, Scope> scopes = new HashMap<>();
  private final Map<String, Located> resolved = new HashMap<>();

  /**
   * @param files reads another compose file, interpolated as the extending one
   * @param warnings receives one line per key jtest ignores in an extended service
   */
  private ServiceExtends(Function<Path, YamlTree.Parsed> files, List<String> warnings) {
    this.files = files;
    this.warnings = warnings;
  }

  /**
   * The normalised {@code document}, each service that {@code extends} another merged over it.
   *
   * @param document one compose file, interpolated, without {@code include}
   * @param dir where its relative paths resolve
   * @param files reads another compose file named by {@code extends.file}, interpolated
   * @throws ConfigurationException for a cycle (naming the chain), an unknown service or a missing
   *     file (naming file and line of the {@code extends} that asked)
   */
  static Located apply(
      YamlTree.Parsed document,
      Path dir,
      Function<Path, YamlTree.Parsed> files,
      List<String> warnings,
      Set<String> topLevelKeys) {
    ServiceExtends extender = new ServiceExtends(files, warnings);
    Scope main = extender.scope(document, dir);
    Located normalized =
        ComposeNormalizer.normalize(main.withoutExtends(), dir, warnings, topLevelKeys);
    Located services = normalized.get("services");
    main.normalized.putAll(services.mapping("a mapping"));
    if (main.extendsOf.isEmpty()) {
      return normalized;
    }
    Map<String, Located> out = new LinkedHashMap<>();
    for (String name : main.normalized.keySet()) {
      out.put(name, extender.resolve(main, name, new ArrayDeque<>()));
    }
    Map<String, Located> root = new LinkedHashMap<>(normalized.mapping("a mapping"));
    root.put("services", Located.ofMapping(out, services.location(), services.path()));
    return Located.ofMapping(root, normalized.location(), normalized.path());
  }

  private Scope scope(YamlTree.Parsed document, Path dir) {
    return scopes.computeIfAbsent(
        document.root().location().file(), file -> new Scope(document, dir));
  }

  private Located resolve(Scope scope, String name, Deque<Link> chain) {
    String key = scope.file + "\0" + name;
    Located done = resolved.get(key);
    if (done != null) {
      return done;
    }
    Located service = scope.normalized(name, warnings);
    Located ext = scope.extendsOf.get(name);
    if (ext == null) {
      resolved.put(key, service);
      return service;
    }
    Link link = new Link(scope.file, name, ext.location());
    if (chain.stream().anyMatch(l -> l.file.equals(link.file) && l.service.equals(name))) {
      throw cycle(chain, link);
    }
    chain.addLast(link);
    String base = baseName(ext);
    String file = ext.isMapping() ? ext.get("file").text("a path") : null;
    Scope baseScope = file == null ? scope : other(scope, file, ext);
    if (!baseScope.raw.containsKey(base)) {
      throw unknown(ext, base, baseScope, file != null);
    }
    Located merged = ComposeMerger.merge(resolve(baseScope, base, chain), service, scope.tags);
    chain.removeLast();
    resolved.put(key, merged);
    return merged;
  }

  private static String baseName(Located ext) {
    if (ext.isText()) {
      return ext.text();
    }
    Map<String, Located> entries = ext.mapping(FORMS);
    for (Map.Entry<String, Located> entry : entries.entrySet()) {
      if (!Set.of("service", "file").contains(entry.getKey())) {
        throw entry
            .getValue()
            .error(
                "'extends' takes 'service:' and 'file:', not '"
                    + entry.getKey()
                    + "'"
                    + Suggestions.didYouMean(entry.getKey(), Set.of("service", "file")));
      }
    }
    String service = ext.get("service").text("a service name");
    if (service == null || service.isBlank()) {
      throw ext.error(
          "'extends' needs 'service:', the name of the service to extend, e.g."
              + " extends: {service: base}");
    }
    return service;
  }

  private Scope other(Scope from, String file, Located ext) {
    Path path = from.file.getParent().resolve(file).normalize();
    if (!Files.isRegularFile(path)) {
      throw ext.error(
          "'extends.file' names '"
              + file
              + "', which does not exist (looked at "
              + path
              + "): fix the path, relative to "
              + from.file.getFileName());
    }
    Scope known = scopes.get(path);
    return known != null ? known : scope(files.apply(path), path.getParent());
  }

  private static ConfigurationException unknown(
      Located ext, String base, Scope scope, boolean otherFile) {
    Set<String> names = new TreeSet<>(scope.raw.keySet());
    String where = otherFile ? scope.file.getFileName().toString() : "this file";
    return ext.error(
        "'extends' names service '"
            + base
            + "', which "
            + where
            + " does not define"
            + (names.isEmpty() ? "" : " (its services: " + String.join(", ", names) + ")")
            + Suggestions.didYouMean(base, names));
  }

  private static ConfigurationException cycle(Deque<Link> chain, Link last) {
    StringBuilder text = new StringBuilder();
    boolean inCycle = false;
    for (Link link : chain) {
      inCycle |= link.file.equals(last.file) && link.service.equals(last.service);
      if (inCycle) {
        text.append(link.service).append(" (").append(link.at).append(") → ");
      }
    }
    text.append(last.service);
    return new ConfigurationException(
        "'extends' never ends: "
            + text
            + ". Compose refuses a service that extends itself through others: remove one of"
            + " these 'extends'");
  }

  /** A service whose {@code extends} is being followed, and where that {@code extends} is. */
  private record Link(Path file, String service, Location at) {}

  /** One file's services, their {@code extends} taken out, each normalised once. */
  private static final class Scope {
    final Path file;
    final Path dir;
    final Located root;
    final Map<List<Object>, ComposeMerger.Rule> tags;
    final Map<String, Located> raw = new LinkedHashMap<>();
    final Map<String, Located> extendsOf = new HashMap<>();
    final Map<String, Located> normalized = new HashMap<>();

    Scope(YamlTree.Parsed document, Path dir) {
      this.root = document.root();
      this.file = root.location().file();
      this.dir = dir;
      this.tags = document.tags();
      Located services = root.get("services");
      services
          .mapping("a mapping of service names to their keys")
          .forEach(
              (name, body) -> {
                if (body.isMapping() && body.mapping("a mapping").containsKey(KEY)) {
                  Map<String, Located> keys = new LinkedHashMap<>(body.mapping("a mapping"));
                  extendsOf.put(name, keys.remove(KEY));
                  raw.put(name, Located.ofMapping(keys, body.location(), body.path()));
                } else {
                  raw.put(name, body);
                }
              });
    }

    /** The file without {@code extends}, for the normaliser. */
    Located withoutExtends() {
      Map<String, Located> entries = new LinkedHashMap<>(root.mapping("a mapping"));
      Located services = root.get("services");
      if (entries.containsKey("services")) {
        entries.put("services", Located.ofMapping(raw, services.location(), services.path()));
      }
      return Located.ofMapping(entries, root.location(), root.path());
    }

    /** Service {@code name} normalised alone: another file's other services are not read. */
    Located normalized(String name, List<String> warnings) {
      Located done = normalized.get(name);
      if (done != null) {
        return done;
      }
      Located services = root.get("services");
      Located alone =
          Located.ofMapping(
              Map.of(
                  "services",
                  Located.ofMapping(
                      Map.of(name, raw.get(name)), services.location(), services.path())),
              root.location(),
              root.path());
      Located service =
          ComposeNormalizer.normalize(alone, dir, warnings, Set.of("services"))
              .get("services")
              .get(name);
      normalized.put(name, service);
      return service;
    }
  }
}
