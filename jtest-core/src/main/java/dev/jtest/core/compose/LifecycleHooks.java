package dev.jtest.core.compose;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a service's {@code post_start}, {@code pre_stop} or {@code pre_start}: a list of hooks, in
 * run order.
 */
final class LifecycleHooks {

  private static final Set<String> KEYS =
      Set.of("command", "user", "privileged", "working_dir", "environment");

  /** A {@code pre_start} step runs in a container of its own, so it may name its image. */
  private static final Set<String> PRE_START_KEYS =
      Set.of("command", "user", "privileged", "working_dir", "environment", "image");

  private LifecycleHooks() {}

  /**
   * The hooks under {@code value}, checked; empty when it is not set.
   *
   * @throws dev.jtest.core.ConfigurationException naming file, line, key and value for a hook that
   *     is not a mapping, has no command, or has a key or value compose does not accept
   */
  static List<LifecycleHook> parse(Located value) {
    return parse(value, KEYS);
  }

  /** The {@code pre_start} steps under {@code value}, checked as {@link #parse} checks hooks. */
  static List<LifecycleHook> parsePreStart(Located value) {
    return parse(value, PRE_START_KEYS);
  }

  private static List<LifecycleHook> parse(Located value, Set<String> known) {
    List<LifecycleHook> hooks = new ArrayList<>();
    for (Located hook : value.list("a list of hooks, each a mapping with 'command'")) {
      Map<String, Located> keys = hook.mapping("a mapping with 'command'");
      for (String key : keys.keySet()) {
        if (!known.contains(key)) {
          throw hook.get(key)
              .error(
                  "'"
                      + hook.get(key).key()
                      + "' is not a key of a lifecycle hook: use "
                      + String.join(", ", known.stream().sorted().toList()));
        }
      }
      List<String> command = ServiceParser.commandLine(hook.get("command"));
      String user = hook.get("user").text();
      boolean privileged =
          "true".equalsIgnoreCase(hook.get("privileged").text(ServiceParser.BOOLEAN));
      String workingDir = hook.get("working_dir").text("a path");
      Map<String, String> environment = environment(hook.get("environment"));
      if (command == null || command.isEmpty()) {
        throw hook.error("'" + hook.key() + "' has no 'command': add the command to run");
      }
      String image = hook.get("image").text("an image reference");
      hooks.add(
          new LifecycleHook(
              List.copyOf(command),
              user,
              privileged,
              workingDir,
              environment,
              hook.location(),
              image));
    }
    return List.copyOf(hooks);
  }

  /** A hook's {@code environment}, as a mapping or a list of {@code KEY=VALUE}. */
  private static Map<String, String> environment(Located value) {
    Map<String, String> environment = new LinkedHashMap<>();
    if (value.isList()) {
      for (Located item : value.list(ComposeNormalizer.LIST_OR_DICT)) {
        String entry = item.text("KEY=VALUE");
        int equals = entry.indexOf('=');
        String name = equals < 0 ? entry : entry.substring(0, equals);
        String text = equals < 0 ? System.getenv(name) : entry.substring(equals + 1);
        if (text != null) {
          environment.put(name, text);
        }
      }
    } else {
      value
          .mapping(ComposeNormalizer.LIST_OR_DICT)
          .forEach(
              (name, entry) -> {
                String text =
                    entry.isNull() ? System.getenv(name) : entry.text(ComposeNormalizer.VALUE);
                if (text != null) {
                  environment.put(name, text);
                }
              });
    }
    return Collections.unmodifiableMap(environment);
  }
}
