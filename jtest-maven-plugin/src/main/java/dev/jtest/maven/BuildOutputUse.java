package dev.jtest.maven;

import dev.jtest.core.compose.BuildSpec;
import dev.jtest.core.compose.ComposeModel;
import dev.jtest.core.compose.MountSpec;
import dev.jtest.core.compose.ServiceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a service needs what the build has not made yet: an image whose Dockerfile copies from
 * the build directory ({@code COPY target/app.jar}), or a bind mount of it. Such a stack cannot
 * start before {@code package}, so it starts when {@code jtest:start} runs, as without {@code
 * jtest.earlyStart}. When in doubt (a Dockerfile that cannot be read, one that copies its whole
 * context), the answer is yes.
 */
final class BuildOutputUse {

  private BuildOutputUse() {}

  /**
   * The first service that uses the build's output, and how; empty when none does.
   *
   * @param buildDir the project's build directory ({@code target}), absolute
   */
  static Optional<String> of(ComposeModel model, Path buildDir) {
    for (ServiceSpec service : model.services().values()) {
      for (MountSpec mount : service.mounts()) {
        if (mount.type() == MountSpec.Type.BIND && overlaps(Path.of(mount.source()), buildDir)) {
          return Optional.of("service '" + service.name() + "' mounts " + mount.source());
        }
      }
      BuildSpec build = service.build();
      if (build != null && overlaps(build.context(), buildDir)) {
        Optional<String> copy = copyFrom(build, buildDir);
        if (copy.isPresent()) {
          return Optional.of("service '" + service.name() + "' is built with " + copy.get());
        }
      }
    }
    return Optional.empty();
  }

  private static boolean overlaps(Path path, Path buildDir) {
    Path normal = path.toAbsolutePath().normalize();
    return normal.startsWith(buildDir) || buildDir.startsWith(normal);
  }

  /** The Dockerfile line that copies from the build directory, or the reason it may. */
  private static Optional<String> copyFrom(BuildSpec build, Path buildDir) {
    Path context = build.context().toAbsolutePath().normalize();
    if (context.startsWith(buildDir)) {
      return Optional.of("a context inside " + buildDir);
    }
    String inContext = context.relativize(buildDir).toString().replace('\\', '/');
    Path dockerfile =
        context.resolve(build.dockerfile() == null ? "Dockerfile" : build.dockerfile());
    List<String> lines;
    try {
      lines = Files.readAllLines(dockerfile);
    } catch (IOException e) {
      return Optional.of(dockerfile + ", which cannot be read (" + e.getMessage() + ")");
    }
    for (String line : lines) {
      String text = line.trim();
      String upper = text.toUpperCase(Locale.ROOT);
      if (!upper.startsWith("COPY ") && !upper.startsWith("ADD ")) {
        continue;
      }
      // The words between the instruction (and its --flags) and the destination.
      String[] words = text.split("\\s+");
      for (int i = 1; i < words.length - 1; i++) {
        if (words[i].startsWith("--")) {
          continue;
        }
        String source = words[i].startsWith("./") ? words[i].substring(2) : words[i];
        if (source.equals(inContext)
            || source.startsWith(inContext + "/")
            || source.equals(".")
            || source.equals("*")) {
          return Optional.of("'" + text + "' (" + dockerfile.getFileName() + ")");
        }
      }
    }
    return Optional.empty();
  }
}
