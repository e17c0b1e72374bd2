package dev.jtest.core.compose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jtest.core.JtestException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The project's compose model fully resolved, as {@code docker compose config} prints it: the files
 * merged, variables interpolated, profiles applied and compose's defaults filled (the project
 * {@code name}, {@code networks: {default: null}}, long forms, absolute paths). It is read by the
 * same loader as {@code jtest:start}, so a file that one refuses, the other refuses with the same
 * message; only the services the profiles enable are printed, with the networks and volumes they
 * use, as compose does.
 */
public final class ComposeConfig {

  /** compose-go's order of the top-level keys it prints before the others and the x- keys. */
  private static final List<String> TOP_ORDER =
      List.of("name", "services", "networks", "volumes", "secrets", "configs", "models");

  /**
   * Top-level keys this class prints itself, or that compose does not print: {@code version} is
   * obsolete, {@code include} is resolved into the model.
   */
  private static final Set<String> OWN =
      Set.of("name", "services", "networks", "volumes", "version", "include");

  private final Map<String, Object> model;
  private final List<String> serviceNames;
  private final List<String> warnings;

  private ComposeConfig(
      Map<String, Object> model, List<String> serviceNames, List<String> warnings) {
    this.model = model;
    this.serviceNames = serviceNames;
    this.warnings = warnings;
  }

  /**
   * Reads {@code files} as {@link ComposeLoader#load} does and resolves them.
   *
   * @param environment the process environment; {@code .env} next to the first file fills the gaps
   *     for interpolation, and names given without a value in {@code environment:} are looked up
   *     here
   * @param activeProfiles the profiles given with {@code -Djtest.profiles}
   * @throws dev.jtest.core.ConfigurationException as {@link ComposeLoader#load} does
   */
  public static ComposeConfig resolve(
      List<Path> files, Map<String, String> environment, Set<String> activeProfiles) {
    ComposeLoader.Resolved resolved = ComposeLoader.resolve(files, environment, activeProfiles);
    ComposeModel parsed = resolved.model();
    Located document = resolved.document();
    // The project name as compose takes it: COMPOSE_PROJECT_NAME, else name:, else the directory.
    String project = parsed.name();
    Map<String, Located> bodies = document.get("services").mapping("a mapping");
    Map<String, Object> services = new TreeMap<>();
    for (String name : parsed.services().keySet()) {
      List<Located> written = new ArrayList<>();
      resolved.roots().forEach(root -> written.add(root.get("services").get(name)));
      services.put(
          name,
          CanonicalService.of(
              name, bodies.get(name), shortVolumes(written), extensions(written), environment));
    }
    Map<String, Object> out = new HashMap<>();
    out.put("name", project);
    out.put("services", services);
    Set<String> networks = new TreeSet<>();
    Set<String> volumes = new TreeSet<>();
    services.values().forEach(service -> collectUsed(service, networks, volumes));
    putIfNotEmpty(out, "networks", resources(document.get("networks"), networks, project));
    putIfNotEmpty(out, "volumes", resources(document.get("volumes"), volumes, project));
    document
        .mapping("a mapping")
        .forEach(
            (key, value) -> {
              if (!OWN.contains(key)) {
                out.put(key, CanonicalService.typed(value.plain()));
              }
            });
    out.putAll(extensions(resolved.roots()));
    return new ComposeConfig(
        Collections.unmodifiableMap(CanonicalService.ordered(out, TOP_ORDER)),
        order(parsed),
        parsed.warnings());
  }

  /** The model: mappings, lists, texts, numbers and booleans, in the order compose prints. */
  public Map<String, Object> model() {
    return model;
  }

  /**
   * The enabled services, one after the other in the order they start (what a service depends on
   * first), by name within a wave, as {@code docker compose config --services} lists them.
   */
  public List<String> serviceNames() {
    return serviceNames;
  }

  /** One line per thing jtest ignores (file, line, key), as {@code jtest:start} warns. */
  public List<String> warnings() {
    return warnings;
  }

  /** The model as compose YAML; {@code $} written {@code $$}, as compose writes it back. */
  public String yaml() {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setSplitLines(false);
    return escaped(new Yaml(options).dump(model));
  }

  /** The model as JSON, indented by two spaces; {@code $} written {@code $$}. */
  public String json() {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""));
    printer.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
    try {
      return escaped(new ObjectMapper().writer(printer).writeValueAsString(model) + "\n");
    } catch (JsonProcessingException e) {
      // The model holds only maps, lists, texts, numbers and booleans.
      throw new JtestException(
          "cannot write the compose model as JSON ("
              + e.getMessage()
              + "): this is a bug in jtest, please report it with your compose files",
          e);
    }
  }

  /** Interpolation has replaced {@code $$} by {@code $}; printed again, it must stay literal. */
  private static String escaped(String text) {
    return text.replace("$", "$$");
  }

  /** The networks and the named volumes a canonical service uses. */
  private static void collectUsed(Object service, Set<String> networks, Set<String> volumes) {
    Map<?, ?> keys = (Map<?, ?>) service;
    if (keys.get("networks") instanceof Map<?, ?> joined) {
      joined.keySet().forEach(network -> networks.add(String.valueOf(network)));
    }
    if (keys.get("volumes") instanceof List<?> mounts) {
      for (Object mount : mounts) {
        Map<?, ?> fields = (Map<?, ?>) mount;
        if ("volume".equals(fields.get("type")) && fields.get("source") != null) {
          volumes.add(String.valueOf(fields.get("source")));
        }
      }
    }
  }

  /**
   * The top-level networks or volumes that services use, each with its {@code name}: the one the
   * file gives, an external one's own, or {@code <project>_<key>}, as compose names them.
   */
  private static Map<String, Object> resources(Located declared, Set<String> used, String project) {
    Map<String, Located> bodies = declared.mapping("a mapping");
    Map<String, Object> out = new TreeMap<>();
    for (String key : used) {
      Located body = bodies.get(key);
      Map<String, Object> resource = new LinkedHashMap<>();
      Located external = body == null ? null : body.get("external");
      boolean isExternal =
          external != null && (external.isMapping() || "true".equalsIgnoreCase(external.text()));
      String name = body == null ? null : body.get("name").text();
      if (name == null && external != null && external.isMapping()) {
        name = external.get("name").text(); // The older external: {name: …}.
      }
      resource.put("name", name != null ? name : isExternal ? key : project + "_" + key);
      if (body != null) {
        body.mapping("a mapping")
            .forEach(
                (field, value) -> {
                  if (!field.equals("external")) {
                    resource.putIfAbsent(field, CanonicalService.typed(value.plain()));
                  }
                });
      }
      if (isExternal) {
        resource.put("external", true);
      }
      out.put(key, resource);
    }
    return out;
  }

  /**
   * The targets of the volumes a service's files write in short syntax: the last file that mentions
   * a target decides, as the merge keeps the last entry for a target.
   */
  private static Set<String> shortVolumes(List<Located> written) {
    Map<String, Boolean> isShort = new HashMap<>();
    for (Located service : written) {
      if (!service.isMapping()) {
        continue;
      }
      for (Located volume : service.get("volumes").list("a list of volumes")) {
        if (volume.isText()) {
          String[] parts = volume.text().split(":");
          isShort.put(parts.length == 1 ? parts[0] : parts[1], true);
        } else if (volume.isMapping() && volume.get("target").text() != null) {
          isShort.put(volume.get("target").text(), false);
        }
      }
    }
    Set<String> targets = new HashSet<>();
    isShort.forEach(
        (target, inShort) -> {
          if (inShort) {
            targets.add(target);
          }
        });
    return targets;
  }

  /**
   * The {@code x-} keys of {@code written} (mappings or nulls), merged over each other as the files
   * merge: the loader sets them aside, compose prints them.
   */
  private static Map<String, Object> extensions(List<Located> written) {
    Map<String, Located> merged = new TreeMap<>();
    for (Located mapping : written) {
      if (!mapping.isMapping()) {
        continue;
      }
      mapping
          .mapping("a mapping")
          .forEach(
              (key, value) -> {
                if (key.startsWith("x-")) {
                  Located older = merged.get(key);
                  merged.put(
                      key,
                      older != null && older.isMapping() && value.isMapping()
                          ? ComposeMerger.mergeDocuments(older, value)
                          : value);
                }
              });
    }
    Map<String, Object> out = new LinkedHashMap<>();
    merged.forEach((key, value) -> out.put(key, CanonicalService.typed(value.plain())));
    return out;
  }

  private static void putIfNotEmpty(Map<String, Object> out, String key, Map<String, Object> map) {
    if (!map.isEmpty()) {
      out.put(key, map);
    }
  }

  /** Start waves flattened, each wave by name. */
  private static List<String> order(ComposeModel parsed) {
    List<String> names = new ArrayList<>();
    for (List<String> wave : DependencyGraph.of(parsed.services()).startWaves()) {
      names.addAll(new TreeSet<>(wave));
    }
    return List.copyOf(names);
  }
}
