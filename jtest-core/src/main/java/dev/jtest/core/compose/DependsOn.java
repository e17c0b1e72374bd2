package dev.jtest.core.compose;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a service's normalised {@code depends_on}: the condition of each dependency, and the long
 * form's {@code required} and {@code restart}. A dependency with {@code required: false} that the
 * run does not start is left out with a warning, as compose only warns about it.
 */
final class DependsOn {

  private DependsOn() {}

  /**
   * The dependencies of {@code service} to wait for, in file order.
   *
   * @param available the services the run starts: defined, and enabled by the active profiles
   * @param warnings receives one line per dependency left out and per {@code restart: true}
   */
  static Map<String, DependencyCondition> parse(
      String service, Located dependsOn, Set<String> available, List<String> warnings) {
    Map<String, DependencyCondition> out = new LinkedHashMap<>();
    dependsOn
        .mapping(ComposeNormalizer.NAMES)
        .forEach(
            (dependency, spec) -> {
              DependencyCondition condition = condition(spec.get("condition"));
              Located required = spec.get("required");
              if (!flag(required, true) && !available.contains(dependency)) {
                warnings.add(
                    required.location()
                        + ": service '"
                        + service
                        + "': depends on '"
                        + dependency
                        + "' with required: false, and the run does not start '"
                        + dependency
                        + "' (not defined, or not enabled by -Djtest.profiles): '"
                        + service
                        + "' starts without it");
                return;
              }
              Located restart = spec.get("restart");
              if (flag(restart, false)) {
                warnings.add(
                    restart.location()
                        + ": service '"
                        + service
                        + "': depends_on."
                        + dependency
                        + ".restart: true has nothing to do in a test run: jtest never restarts '"
                        + dependency
                        + "' while the tests run, so '"
                        + service
                        + "' is never restarted for it");
              }
              out.put(dependency, condition);
            });
    return Collections.unmodifiableMap(out);
  }

  private static boolean flag(Located value, boolean absent) {
    String text = value.text(ServiceParser.BOOLEAN);
    if (text == null) {
      return absent;
    }
    if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
      throw value.error("'" + value.key() + "' is '" + text + "': use true or false");
    }
    return text.equalsIgnoreCase("true");
  }

  private static DependencyCondition condition(Located condition) {
    String known = "service_started, service_healthy or service_completed_successfully";
    String name = condition.text(known);
    return DependencyCondition.fromComposeName(name)
        .orElseThrow(
            () -> condition.error("depends_on condition '" + name + "' is unknown: use " + known));
  }
}
