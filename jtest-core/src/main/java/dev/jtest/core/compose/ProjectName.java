package dev.jtest.core.compose;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The compose project name, found as {@code docker compose} finds it: {@code COMPOSE_PROJECT_NAME}
 * from the environment or {@code .env}, else the top-level {@code name:} of the last file that has
 * one, else the project directory's name made valid. jtest does not name its containers, networks
 * or volumes after it (it names them per run, so that runs never collide); it is the value of
 * {@code ${COMPOSE_PROJECT_NAME}} in the files and {@link ComposeModel#name()}.
 */
final class ProjectName {

  static final String VARIABLE = "COMPOSE_PROJECT_NAME";

  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]*");
  private static final Pattern INVALID_CHARS = Pattern.compile("[^a-z0-9_-]");

  private ProjectName() {}

  /**
   * The project name.
   *
   * @param roots the files as parsed, not yet interpolated, in merge order
   * @param variables the environment with {@code .env}
   * @throws dev.jtest.core.ConfigurationException naming file and line when {@code name:} is not a
   *     valid project name
   */
  static String of(List<Located> roots, Map<String, String> variables, Path projectDir) {
    String fromEnvironment = variables.get(VARIABLE);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    Interpolator interpolator = new Interpolator(variables);
    String name = null;
    for (Located root : roots) {
      Located value = root.get("name");
      String text = value.text("a project name");
      if (text == null) {
        continue;
      }
      name = interpolator.interpolate(text, value.location()::toString);
      if (!VALID.matcher(name).matches()) {
        throw value.error(
            "'name' is '"
                + name
                + "', which is not a compose project name: use lowercase letters, digits, '-'"
                + " and '_', starting with a letter or a digit, e.g. '"
                + fromDirectory(name)
                + "'");
      }
    }
    return name != null ? name : fromDirectory(String.valueOf(projectDir.getFileName()));
  }

  /** Compose's project name from a directory: lowercase, without the characters it refuses. */
  private static String fromDirectory(String directory) {
    String name = INVALID_CHARS.matcher(directory.toLowerCase(Locale.ROOT)).replaceAll("");
    name = name.replaceFirst("^[_-]+", "");
    return name.isEmpty() ? "default" : name;
  }
}
