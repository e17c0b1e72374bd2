package dev.jtest.core.coverage;

import dev.jtest.core.compose.ServiceSpec;
import dev.jtest.core.engine.ImageConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tells whether a service's container runs a JVM, from what it runs and its environment: the
 * command line (compose's {@code entrypoint}/{@code command}, else the image's) names a {@code
 * java} executable, directly or inside a shell command; or the environment names a JVM ({@code
 * JAVA_HOME}, {@code JAVA_VERSION}, {@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS}). An image
 * whose entrypoint script starts Java some other way needs {@code x-jtest: {coverage: true}}.
 */
public final class JvmDetector {

  private static final Pattern JAVA_WORD = Pattern.compile("(^|[\\s/;&|(])java(\\s|$)");
  private static final List<String> JVM_VARIABLES =
      List.of("JAVA_HOME", "JAVA_VERSION", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

  private JvmDetector() {}

  /** Whether {@code service}, running {@code image}, runs a JVM. */
  public static boolean runsJvm(ServiceSpec service, ImageConfig image) {
    List<String> commandLine =
        new ArrayList<>(service.entrypoint() != null ? service.entrypoint() : image.entrypoint());
    // Compose's entrypoint drops the image's CMD, as docker does.
    if (service.command() != null) {
      commandLine.addAll(service.command());
    } else if (service.entrypoint() == null) {
      commandLine.addAll(image.command());
    }
    for (String word : commandLine) {
      if (JAVA_WORD.matcher(word).find()) {
        return true;
      }
    }
    for (String variable : JVM_VARIABLES) {
      if (service.environment().containsKey(variable) || image.env(variable) != null) {
        return true;
      }
    }
    return false;
  }
}
