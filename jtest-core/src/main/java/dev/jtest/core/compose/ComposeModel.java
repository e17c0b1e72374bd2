package dev.jtest.core.compose;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The project's services after merging, interpolation and profile selection.
 *
 * @param files the compose files, in merge order
 * @param projectDir the directory of the first file
 * @param services the enabled services, in file order
 * @param volumes the top-level named volumes
 * @param networks the top-level networks, always including {@code default}
 * @param warnings one line per thing jtest ignores (file, line, key)
 * @param fingerprint a digest of the effective model, to tell whether a kept stack still matches
 * @param notes one info line per key jtest accepts but does differently (file, line, key, what
 *     jtest does instead)
 * @param name the compose project name ({@code COMPOSE_PROJECT_NAME}, top-level {@code name:}, or
 *     the directory's name); jtest names what it creates per run, not after it
 */
public record ComposeModel(
    List<Path> files,
    Path projectDir,
    Map<String, ServiceSpec> services,
    Map<String, VolumeSpec> volumes,
    Map<String, NetworkSpec> networks,
    List<String> warnings,
    String fingerprint,
    List<String> notes,
    String name) {

  /** A model named after its project directory, as compose names a project without a name. */
  public ComposeModel(
      List<Path> files,
      Path projectDir,
      Map<String, ServiceSpec> services,
      Map<String, VolumeSpec> volumes,
      Map<String, NetworkSpec> networks,
      List<String> warnings,
      String fingerprint,
      List<String> notes) {
    this(
        files,
        projectDir,
        services,
        volumes,
        networks,
        warnings,
        fingerprint,
        notes,
        String.valueOf(projectDir.getFileName()));
  }

  /** This model with the project name {@code name}. */
  public ComposeModel withName(String name) {
    return new ComposeModel(
        files, projectDir, services, volumes, networks, warnings, fingerprint, notes, name);
  }

  /** A top-level volume; an external one is used as it is and never removed. */
  public record VolumeSpec(String name, boolean external, String externalName) {}

  /** A top-level network; an external one is joined as it is and never removed. */
  public record NetworkSpec(String name, boolean external, String externalName, boolean internal) {}
}
