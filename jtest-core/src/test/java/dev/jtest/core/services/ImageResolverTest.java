package dev.jtest.core.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jtest.core.compose.ServiceSpec;
import dev.jtest.core.engine.Engine;
import dev.jtest.core.testing.ComposeText;
import dev.jtest.core.testing.TestContainers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building a service's image on the real engine, and what happens to the image it replaces. */
class ImageResolverTest {

  /**
   * The image a rebuild replaces stays until every image of the run is resolved: the run's other
   * builds run in parallel, and on Podman one from the same context can return that very image from
   * its cache; removing it at once made such a build fail with "image not known".
   */
  @Test
  void removesTheImageARebuildReplacedOnlyOnceEveryImageIsResolved(@TempDir Path dir)
      throws Exception {
    try (TestContainers containers = new TestContainers()) {
      Engine engine = containers.engine();
      ImageResolver images = resolver(containers);

      String first = images.resolve(service(dir, "1"));
      String second = images.resolve(service(dir, "2"));

      assertThat(second).isNotEqualTo(first);
      assertThat(engine.findImage(first))
          .as("the replaced image, while builds may run")
          .isPresent();
      assertThat(images.superseded()).containsExactly(first);

      images.removeSuperseded(List.of(second));

      assertThat(engine.findImage(first)).isEmpty();
      assertThat(engine.findImage(second)).isPresent();
      assertThat(images.superseded()).isEmpty();
      engine.removeImageQuietly(second);
    }
  }

  @Test
  void keepsAReplacedImageThatAServiceOfTheRunStillRuns(@TempDir Path dir) throws Exception {
    try (TestContainers containers = new TestContainers()) {
      Engine engine = containers.engine();
      ImageResolver images = resolver(containers);
      String first = images.resolve(service(dir, "1"));
      String second = images.resolve(service(dir, "2"));

      images.removeSuperseded(List.of(first, second));

      assertThat(engine.findImage(first)).isPresent();
      engine.removeImageQuietly(first);
      engine.removeImageQuietly(second);
    }
  }

  /** A resolver for a project of its own, the probe image built for its Dockerfiles to use. */
  private static ImageResolver resolver(TestContainers containers) {
    containers.probeImage();
    return new ImageResolver(
        containers.engine(),
        StackListener.silent(),
        "selftest-images-" + System.nanoTime(),
        Duration.ofSeconds(30));
  }

  /** Service {@code app}, built from a Dockerfile whose content depends on {@code version}. */
  private static ServiceSpec service(Path dir, String version) throws Exception {
    ComposeText.write(
        dir,
        "ctx/Dockerfile",
        "FROM " + TestContainers.PROBE_IMAGE + "\nRUN echo " + version + " > /version\n");
    return ComposeText.load(dir, "services:\n  app:\n    build: ./ctx\n").services().get("app");
  }
}
