package dev.jtest.core.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The service keys that cannot mean anything in a test run, and what jtest does instead: each is
 * accepted with one info line (not a warning), so that a compose file written for {@code docker
 * compose up} loads as it is and its reader learns what differs. The wording lives here only.
 */
final class AcceptedKeys {

  /** What jtest does instead of each accepted key, in the order the info lines name them. */
  private static final Map<String, String> INSTEAD = new LinkedHashMap<>();

  static {
    INSTEAD.put(
        "container_name",
        "jtest names the container jtest-<run id>-<service> so that runs never collide, and keeps"
            + " this name as a network alias, so other services still reach it by it");
    INSTEAD.put(
        "restart",
        "jtest never restarts a container: one that exits is reported with its exit code and last"
            + " log lines, and every service is stopped at the end of the run");
    INSTEAD.put(
        "scale", "jtest starts one container per service, so that each service has one endpoint");
    INSTEAD.put(
        "deploy",
        "jtest starts one container per service and does not restart it; deploy.resources is"
            + " applied, the rest of deploy is for orchestrators");
    INSTEAD.put(
        "logging",
        "jtest keeps the engine's default log driver, as it reads each container's log for"
            + " readiness and for the diagnosis of a failure");
    INSTEAD.put("attach", "jtest follows every service's log, attached or not");
    INSTEAD.put(
        "volume_driver",
        "jtest creates the service's volumes with the engine's default driver: a volume plugin is"
            + " a property of one machine, which a test run must not depend on");
    INSTEAD.put(
        "develop", "compose watch is for interactive use: jtest runs the stack as it is built");
    INSTEAD.put(
        "external_links",
        "jtest links no container outside the run: join an external network to reach one");
    INSTEAD.put(
        "gpus",
        "jtest requests no GPU, so that the suite runs on machines without one; use devices to"
            + " pass one through");
    INSTEAD.put("credential_spec", "credential specs apply to Windows containers only");
    INSTEAD.put("isolation", "isolation applies to Windows containers only");
    INSTEAD.put("cpu_count", "cpu_count applies to Windows containers only");
    INSTEAD.put("cpu_percent", "cpu_percent applies to Windows containers only");
    INSTEAD.put(
        "use_api_socket",
        "jtest does not hand the engine's socket to a service: bind-mount it in volumes if the"
            + " service needs it");
    INSTEAD.put(
        "models",
        "jtest does not provision AI models: give the service the model endpoint in environment");
    INSTEAD.put(
        "pull_refresh_after",
        "jtest pulls an image when the engine does not have it, as the engine does not record when"
            + " an image was pulled");
  }

  /** Every accepted key. */
  static final Set<String> KEYS = INSTEAD.keySet();

  /** The deploy keys that deploy's line covers; {@code resources} is honoured elsewhere. */
  private static final String RESOURCES = "resources";

  private AcceptedKeys() {}

  /**
   * One info line for each accepted key the service {@code body} sets: {@code "compose.yaml:12:
   * service 'api': restart: always is accepted: jtest never restarts …"}. {@code scale} and {@code
   * deploy} speak only when they ask for something jtest does differently.
   */
  static List<String> notes(String service, Located body) {
    List<String> notes = new ArrayList<>();
    for (Map.Entry<String, String> entry : INSTEAD.entrySet()) {
      Located value = body.get(entry.getKey());
      if (value.isNull() || !speaks(entry.getKey(), value)) {
        continue;
      }
      notes.add(
          value.location()
              + ": service '"
              + service
              + "': "
              + entry.getKey()
              + (value.isText() ? ": " + value.text() : "")
              + " is accepted: "
              + entry.getValue());
    }
    return notes;
  }

  /** The {@code container_name} of {@code body}, kept as a network alias. */
  static String containerName(Located body) {
    return body.get("container_name").text("a container name");
  }

  private static boolean speaks(String key, Located value) {
    return switch (key) {
      case "scale" -> !"1".equals(value.text("a number"));
      case "deploy" -> {
        Map<String, Located> deploy = value.mapping("a mapping");
        String replicas = deploy.containsKey("replicas") ? deploy.get("replicas").text() : null;
        boolean others =
            deploy.keySet().stream().anyMatch(k -> !k.equals(RESOURCES) && !k.equals("replicas"));
        yield others || (replicas != null && !"1".equals(replicas));
      }
      default -> true;
    };
  }
}
