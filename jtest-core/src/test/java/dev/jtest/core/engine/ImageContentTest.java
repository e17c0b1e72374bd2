package dev.jtest.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jtest.core.testing.TestContainers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether two images are the same build, on the real engine: what decides whether a kept stack is
 * reused after its images are rebuilt.
 */
class ImageContentTest {

  @Test
  void imagesThatDifferOnlyInLabelsAreTheSameBuildAndACommandMakesThemDiffer(@TempDir Path dir)
      throws Exception {
    try (TestContainers containers = new TestContainers()) {
      Engine engine = containers.engine();
      containers.probeImage();
      String tag = "jtest-selftest/content-" + System.nanoTime();
      String first = build(engine, dir, tag + "-a", "CMD [\"sleep\", \"1\"]", "a");
      String relabelled = build(engine, dir, tag + "-b", "CMD [\"sleep\", \"1\"]", "b");
      String otherCommand = build(engine, dir, tag + "-c", "CMD [\"sleep\", \"2\"]", "a");
      try {
        assertThat(relabelled).as("a label is in the image's configuration").isNotEqualTo(first);
        assertThat(engine.sameImageContent(first, relabelled)).isTrue();
        assertThat(engine.sameImageContent(first, first)).isTrue();
        assertThat(engine.sameImageContent(first, otherCommand)).isFalse();
        assertThat(engine.sameImageContent(first, "sha256:" + "0".repeat(64))).isFalse();
      } finally {
        engine.removeImageQuietly(first);
        engine.removeImageQuietly(relabelled);
        engine.removeImageQuietly(otherCommand);
      }
    }
  }

  private static String build(Engine engine, Path dir, String tag, String cmd, String label)
      throws Exception {
    Path context = dir.resolve(tag.substring(tag.lastIndexOf('-') + 1));
    Files.createDirectories(context);
    Files.writeString(
        context.resolve("Dockerfile"), "FROM " + TestContainers.PROBE_IMAGE + "\n" + cmd + "\n");
    return engine.buildImage(
        new ImageBuild(
            context,
            "Dockerfile",
            Map.of(),
            null,
            tag,
            Map.of("dev.jtest.selftest.variant", label)),
        line -> {});
  }
}
