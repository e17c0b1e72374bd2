package dev.jtest.core.compose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.jtest.core.ConfigurationException;
import dev.jtest.core.JtestException;
import dev.jtest.core.Suggestions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads compose files into a {@link ComposeModel}: each file is interpolated and normalised on its
 * own (relative paths resolve against that file's directory), its {@code extends} and {@code
 * include} applied ({@link ProjectReader}), then the files merge as {@code docker compose -f a -f
 * b} merges them, then services are parsed into typed specs and checked.
 */
public final class ComposeLoader {

  private static final Set<String> TOP_LEVEL_KEYS =
      Set.of(
          "services", "volumes", "networks", "version", "name", "secrets", "configs", Includes.KEY);

  private ComposeLoader() {}

  /**
   * Loads {@code files} in merge order.
   *
   * @param environment the process environment; {@code .env} next to the first file fills the gaps
   * @param activeProfiles the profiles given with {@code -Djtest.profiles}
   * @throws ConfigurationException naming file, line and key for anything jtest cannot run
   */
  public static ComposeModel load(
      List<Path> files, Map<String, String> environment, Set<String> activeProfiles) {
    return resolve(files, environment, activeProfiles).model();
  }

  /**
   * What {@link #load} reads on the way to the model, for {@link ComposeConfig} to print.
   *
   * @param roots each file interpolated, as written (before normalisation), in merge order
   * @param document the merged, normalised document the model was parsed from
   */
  record Resolved(List<Located> roots, Located document, ComposeModel model) {}

  /** {@link #load}, keeping the files and the merged document it parsed the model from. */
  static Resolved resolve(
      List<Path> files, Map<String, String> environment, Set<String> activeProfiles) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no compose files");
    }
    List<Path> absolute = files.stream().map(f -> f.toAbsolutePath().normalize()).toList();
    Path projectDir = absolute.get(0).getParent();
    Map<String, String> variables = new LinkedHashMap<>();
    Path dotEnv = projectDir.resolve(".env");
    if (Files.isRegularFile(dotEnv)) {
      variables.putAll(EnvFiles.read(dotEnv, ".env"));
    }
    variables.putAll(environment);

    List<String> warnings = new ArrayList<>();
    ProjectReader reader = new ProjectReader(warnings, TOP_LEVEL_KEYS);
    String name =
        ProjectName.of(absolute.stream().map(reader::parsed).toList(), variables, projectDir);
    variables.put(ProjectName.VARIABLE, name);
    ProjectReader.Project project = reader.read(absolute, null, variables, List.of());
    Located merged = project.document();
    if (merged.get("services").mapping("a mapping").isEmpty()) {
      throw noServices(project.roots());
    }
    // An extended service is read once per service that extends it: one warning is enough.
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(warnings));
    return new Resolved(
        project.roots(),
        merged,
        ModelParser.parse(
                files,
                projectDir,
                merged,
                activeProfiles,
                distinct,
                fingerprint(merged, activeProfiles))
            .withName(name));
  }

  /**
   * A compose file with no services is a mistake ({@code docker compose up} refuses it too): says
   * why each file has none, down to a misspelt {@code services:}.
   */
  private static ConfigurationException noServices(List<Located> roots) {
    List<String> reasons = new ArrayList<>();
    for (Located root : roots) {
      Map<String, Located> keys = root.mapping("a mapping");
      String reason;
      if (keys.isEmpty()) {
        reason = "the file is empty";
      } else if (keys.containsKey("services")) {
        reason = "'services:' at line " + keys.get("services").location().line() + " is empty";
      } else {
        reason = "it has no 'services:' key";
        List<String> typos = new ArrayList<>();
        keys.forEach(
            (key, value) -> {
              if (!TOP_LEVEL_KEYS.contains(key)
                  && Suggestions.closest(key, Set.of("services")).isPresent()) {
                typos.add(
                    "'"
                        + key
                        + "' at line "
                        + value.location().line()
                        + ": did you mean 'services'?");
              }
            });
        reason +=
            typos.isEmpty()
                ? " (top-level keys: " + String.join(", ", keys.keySet()) + ")"
                : "; " + String.join("; ", typos);
      }
      reasons.add(
          roots.size() == 1 ? reason : root.location().file().getFileName() + ": " + reason);
    }
    String names =
        String.join(", ", roots.stream().map(r -> "" + r.location().file().getFileName()).toList());
    String why = String.join("; ", reasons);
    return new ConfigurationException(
        "no services in "
            + names
            + ": "
            + why
            + (why.endsWith("?") ? " " : ". ")
            + "Declare the services to start under 'services:', or remove the file if this"
            + " project needs none");
  }

  /** A digest of the values (not the places) of the merged model. */
  private static String fingerprint(Located merged, Set<String> profiles) {
    try {
      ObjectMapper mapper =
          new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
      Map<String, Object> canonical = new LinkedHashMap<>();
      canonical.put("model", merged.plain());
      canonical.put("profiles", new LinkedHashSet<>(profiles.stream().sorted().toList()));
      byte[] bytes = mapper.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      // Every JVM has SHA-256, and the model holds only YAML's texts, lists and mappings.
      throw new JtestException(
          "cannot fingerprint the compose model ("
              + e.getMessage()
              + "): this is a bug in jtest, please report it with your compose files",
          e);
    }
  }

  /** Reports a problem at a place: "docker-compose.yml:12: service 'auth': …". */
  static ConfigurationException error(Location location, String service, String message) {
    String prefix = location == null ? "" : location + ": ";
    String subject = service == null ? "" : "service '" + service + "': ";
    return new ConfigurationException(prefix + subject + message);
  }
}
