package dev.jtest.core.compose;

import dev.jtest.core.ConfigurationException;
import dev.jtest.core.Suggestions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Turns the merged, normalised document into a {@link ComposeModel}: every service parsed by {@link
 * ServiceParser}, the profiles applied, the top-level volumes and networks read, and the checks
 * that look across services (a dependency on a disabled service, a cycle, a volume or network that
 * is not declared).
 */
final class ModelParser {

  private ModelParser() {}

  /**
   * @param document the merged document, every file normalised
   * @param activeProfiles the profiles given with {@code -Djtest.profiles}
   * @param warnings the warnings so far; the model keeps them, with any this adds
   * @throws dev.jtest.core.ConfigurationException naming file, line and key for anything jtest
   *     cannot run
   */
  static ComposeModel parse(
      List<Path> files,
      Path projectDir,
      Located document,
      Set<String> activeProfiles,
      List<String> warnings,
      String fingerprint) {
    Map<String, ServiceSpec> all = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    Map<String, Located> bodies = document.get("services").mapping("a mapping of service names");
    ServiceContext context =
        new ServiceContext(
            SecretsAndConfigs.of(document), enabledNames(bodies, activeProfiles), warnings);
    bodies.forEach(
        (name, body) -> {
          all.put(name, ServiceParser.parse(name, body, context));
          notes.addAll(AcceptedKeys.notes(name, body));
        });
    String fileNames = String.join(", ", files.stream().map(f -> "" + f.getFileName()).toList());
    Set<String> declared = new TreeSet<>();
    all.values().forEach(service -> declared.addAll(service.profiles()));
    for (String profile : activeProfiles) {
      if (!declared.contains(profile)) {
        warnings.add(
            "-Djtest.profiles: no service of "
                + fileNames
                + " has the profile '"
                + profile
                + "' ("
                + (declared.isEmpty()
                    ? "no service has a profile"
                    : "profiles: " + sorted(declared))
                + ")"
                + Suggestions.didYouMean(profile, declared));
      }
    }
    Map<String, ServiceSpec> enabled = new LinkedHashMap<>();
    for (ServiceSpec service : all.values()) {
      if (service.profiles().isEmpty()
          || service.profiles().stream().anyMatch(activeProfiles::contains)) {
        enabled.put(service.name(), service);
      }
    }
    if (enabled.isEmpty()) {
      throw new ConfigurationException(
          "no service to start in "
              + fileNames
              + ": each one needs a profile ("
              + sorted(declared)
              + ") and -Djtest.profiles enables none of them: add e.g. -Djtest.profiles="
              + declared.iterator().next());
    }
    for (ServiceSpec service : enabled.values()) {
      for (String dependency : service.dependsOn().keySet()) {
        ServiceSpec target = all.get(dependency);
        if (target != null && !enabled.containsKey(dependency)) {
          throw ComposeLoader.error(
              service.location(),
              service.name(),
              "depends on '"
                  + dependency
                  + "', which is only enabled with the profile(s) "
                  + target.profiles()
                  + ": add -Djtest.profiles="
                  + String.join(",", target.profiles()));
        }
      }
    }
    for (ServiceSpec service : enabled.values()) {
      checkReferences(service, all);
      for (String shared : service.resources().sharedServices()) {
        if (!all.containsKey(shared)) {
          throw ComposeLoader.error(
              service.location(),
              service.name(),
              "'ipc' or 'pid' is 'service:"
                  + shared
                  + "', which is not a service of "
                  + fileNames
                  + ": name one of "
                  + sorted(all.keySet()));
        }
      }
    }
    DependencyGraph.of(enabled);
    Map<String, ComposeModel.VolumeSpec> volumes = volumes(document.get("volumes"));
    Map<String, ComposeModel.NetworkSpec> networks = networks(document.get("networks"));
    for (ServiceSpec service : enabled.values()) {
      for (MountSpec mount : service.mounts()) {
        if (mount.type() == MountSpec.Type.VOLUME
            && mount.source() != null
            && !volumes.containsKey(mount.source())) {
          throw ComposeLoader.error(
              service.location(),
              service.name(),
              "uses volume '"
                  + mount.source()
                  + "', which the top-level 'volumes:' does not declare: declare it, or use a path"
                  + " ('./"
                  + mount.source()
                  + "') for a bind mount");
        }
      }
      for (String network : service.networks()) {
        if (!networks.containsKey(network)) {
          throw ComposeLoader.error(
              service.location(),
              service.name(),
              "joins network '" + network + "', which the top-level 'networks:' does not declare");
        }
      }
    }
    return new ComposeModel(
        List.copyOf(files),
        projectDir,
        Collections.unmodifiableMap(enabled),
        volumes,
        networks,
        List.copyOf(warnings),
        fingerprint,
        List.copyOf(notes));
  }

  /**
   * The services that {@code links}, {@code volumes_from} and {@code network_mode: service:} name
   * exist: each is a dependency too ({@link ServiceParser}), which would otherwise be reported as
   * an unknown {@code depends_on}.
   */
  private static void checkReferences(ServiceSpec service, Map<String, ServiceSpec> all) {
    IdentitySpec identity = service.identity();
    Map<String, String> references = new LinkedHashMap<>();
    identity.links().keySet().forEach(target -> references.put(target, "links"));
    identity.volumesFrom().stream()
        .filter(source -> !source.container())
        .forEach(source -> references.put(source.source(), "volumes_from"));
    if (identity.networkService() != null) {
      references.put(identity.networkService(), "network_mode");
    }
    references.forEach(
        (target, key) -> {
          if (!all.containsKey(target)) {
            throw ComposeLoader.error(
                service.location(),
                service.name(),
                "'"
                    + key
                    + "' names service '"
                    + target
                    + "', which the file does not declare"
                    + Suggestions.didYouMean(target, all.keySet())
                    + (key.equals("links")
                        ? ""
                        : ": use container:NAME for a container outside the run"));
          }
          if (target.equals(service.name())) {
            throw ComposeLoader.error(
                service.location(), service.name(), "'" + key + "' names the service itself");
          }
        });
  }

  /**
   * The services the active profiles enable, read before the services are parsed: a dependency with
   * {@code required: false} on any other is left out.
   */
  private static Set<String> enabledNames(Map<String, Located> bodies, Set<String> activeProfiles) {
    Set<String> enabled = new TreeSet<>();
    bodies.forEach(
        (name, body) -> {
          List<String> profiles = body.get("profiles").texts("a list of profile names");
          if (profiles.isEmpty() || profiles.stream().anyMatch(activeProfiles::contains)) {
            enabled.add(name);
          }
        });
    return enabled;
  }

  private static Map<String, ComposeModel.VolumeSpec> volumes(Located declared) {
    return Collections.unmodifiableMap(
        declared(
            declared,
            "volume",
            (name, body) -> {
              External external = external(body);
              return new ComposeModel.VolumeSpec(name, external.external(), external.name());
            }));
  }

  private static Map<String, ComposeModel.NetworkSpec> networks(Located declared) {
    Map<String, ComposeModel.NetworkSpec> networks = new LinkedHashMap<>();
    networks.put("default", new ComposeModel.NetworkSpec("default", false, null, false));
    networks.putAll(
        declared(
            declared,
            "network",
            (name, body) -> {
              External external = external(body);
              boolean internal =
                  "true".equalsIgnoreCase(body.get("internal").text(ServiceParser.BOOLEAN));
              return new ComposeModel.NetworkSpec(
                  name, external.external(), external.name(), internal);
            }));
    return Collections.unmodifiableMap(networks);
  }

  /** The top-level {@code volumes:} or {@code networks:}: names with settings, or nothing. */
  private static <T> Map<String, T> declared(
      Located declared, String kind, BiFunction<String, Located, T> spec) {
    Map<String, T> specs = new LinkedHashMap<>();
    declared
        .mapping("a mapping of " + kind + " names")
        .forEach(
            (name, body) -> {
              body.mapping("a mapping of " + kind + " settings, or nothing");
              specs.put(name, spec.apply(name, body));
            });
    return specs;
  }

  /** {@code external: true} with {@code name:}, or the older {@code external: {name: …}}. */
  private record External(boolean external, String name) {}

  private static External external(Located body) {
    Located external = body.get("external");
    String name = body.get("name").text();
    if (external.isMapping()) {
      String legacy = external.get("name").text();
      return new External(true, legacy != null ? legacy : name);
    }
    return new External(
        "true".equalsIgnoreCase(external.text("true, false or a mapping with 'name'")), name);
  }

  private static String sorted(Set<String> names) {
    return String.join(", ", new TreeSet<>(names));
  }
}
