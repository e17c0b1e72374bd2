package dev.jtest.core.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.PullImageCmd;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.ContainerConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** The engine's images: looked up, built, pulled, read and removed. */
final class Images {

  private final DockerClient client;

  Images(DockerClient client) {
    this.client = client;
  }

  /** The image named {@code reference}, when it is present on the engine. */
  Optional<ImageFacts> find(String reference) {
    InspectImageResponse image;
    try {
      image = client.inspectImageCmd(reference).exec();
    } catch (NotFoundException e) {
      return Optional.empty();
    } catch (RuntimeException e) {
      throw EngineFailures.failure("inspect image " + reference, e);
    }
    Map<String, String> labels =
        image.getConfig() == null || image.getConfig().getLabels() == null
            ? Map.of()
            : Map.copyOf(image.getConfig().getLabels());
    long size = image.getSize() == null ? 0 : image.getSize();
    return Optional.of(new ImageFacts(reference, image.getId(), image.getCreated(), size, labels));
  }

  /**
   * Whether images {@code a} and {@code b} hold the same content and run the same way: the same
   * layers and the same configuration but for labels. Podman's build cache can answer a rebuild
   * with an equal image from an earlier build (another project's, whose label differs) under
   * another id; Docker answers with the same id. An image that is gone is the same as none.
   */
  boolean sameContent(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    InspectImageResponse x = inspect(a);
    InspectImageResponse y = inspect(b);
    if (x == null || y == null || x.getRootFS() == null || y.getRootFS() == null) {
      return false;
    }
    List<String> layers = x.getRootFS().getLayers();
    return layers != null
        && !layers.isEmpty()
        && layers.equals(y.getRootFS().getLayers())
        && runsTheSame(x.getConfig(), y.getConfig());
  }

  private InspectImageResponse inspect(String id) {
    try {
      return client.inspectImageCmd(id).exec();
    } catch (NotFoundException e) {
      return null;
    } catch (RuntimeException e) {
      throw EngineFailures.failure("inspect image " + id, e);
    }
  }

  /** Whether two image configurations start a container the same way, labels aside. */
  private static boolean runsTheSame(ContainerConfig x, ContainerConfig y) {
    if (x == null || y == null) {
      return x == y;
    }
    return Arrays.equals(x.getCmd(), y.getCmd())
        && Arrays.equals(x.getEntrypoint(), y.getEntrypoint())
        && Arrays.equals(x.getEnv(), y.getEnv())
        && Objects.equals(x.getWorkingDir(), y.getWorkingDir())
        && Objects.equals(x.getUser(), y.getUser())
        && Objects.equals(ports(x), ports(y))
        && Objects.equals(x.getHealthcheck(), y.getHealthcheck())
        && Objects.equals(x.getVolumes(), y.getVolumes());
  }

  private static Set<String> ports(ContainerConfig config) {
    return config.getExposedPorts() == null
        ? Set.of()
        : Arrays.stream(config.getExposedPorts()).map(Object::toString).collect(Collectors.toSet());
  }

  /**
   * Builds an image, reporting each line of the engine's output to {@code progress}.
   *
   * @return the full id of the built image
   * @throws EngineException with the engine's error (the failing step's output is in {@code
   *     progress})
   */
  String build(ImageBuild build, Consumer<String> progress) {
    String operation = "build image " + build.tag();
    BuildImageCmd command;
    try {
      // docker-java packs the context here, reading every file that .dockerignore does not exclude.
      command =
          client
              .buildImageCmd()
              .withBaseDirectory(build.context().toFile())
              .withDockerfile(build.context().resolve(build.dockerfile()).toFile());
    } catch (RuntimeException e) {
      throw EngineFailures.unpackableContext(build, e);
    }
    command
        .withTags(Set.of(build.tag()))
        .withLabels(build.labels())
        .withPull(false)
        // The intermediate container of a failed step would stay, unlabelled, for good.
        .withForcerm(true);
    build.args().forEach(command::withBuildArg);
    if (build.target() != null) {
      command.withTarget(build.target());
    }
    Throwable[] streamError = new Throwable[1];
    try {
      command
          .exec(
              new BuildImageResultCallback() {
                @Override
                public void onNext(BuildResponseItem item) {
                  if (item.getStream() != null) {
                    item.getStream().lines().filter(l -> !l.isBlank()).forEach(progress);
                  }
                  super.onNext(item);
                }

                @Override
                public void onError(Throwable throwable) {
                  // Kept for the caller instead of docker-java's ERROR log with a stack trace.
                  streamError[0] = throwable;
                  try {
                    close();
                  } catch (IOException e) {
                    // Broken already; the recorded error says why.
                  }
                }
              })
          .awaitImageId();
    } catch (RuntimeException e) {
      // The stream's own error says more than the "could not build" that awaitImageId throws.
      throw EngineFailures.failure(operation, streamError[0] instanceof RuntimeException r ? r : e);
    }
    if (streamError[0] != null) {
      throw EngineFailures.failure(operation, streamError[0]);
    }
    // The full id, as inspect reports it: the build stream's short id would not compare equal.
    return find(build.tag())
        .map(ImageFacts::id)
        .orElseThrow(() -> EngineFailures.noImageAfterBuild(build.tag()));
  }

  /** Pulls {@code reference} from its registry, giving up after {@code timeout}. */
  void pull(String reference, String platform, Duration timeout) {
    String operation = "pull image " + reference;
    PullCallback callback = new PullCallback(operation);
    boolean done;
    try {
      PullImageCmd pull = client.pullImageCmd(reference);
      if (platform != null) {
        pull.withPlatform(platform);
      }
      done = pull.exec(callback).awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      throw EngineFailures.interrupted(operation, e);
    } catch (RuntimeException e) {
      throw EngineFailures.failure(operation, e);
    }
    if (callback.error() != null) {
      throw EngineFailures.failure(operation, callback.error());
    }
    if (!done) {
      throw EngineFailures.pullTimedOut(reference, timeout);
    }
  }

  /** Removes an image; one still in use, or already gone, is left alone. */
  void removeQuietly(String id) {
    try {
      client.removeImageCmd(id).withNoPrune(false).exec();
    } catch (DockerException e) {
      // In use by another container, or already gone: neither is worth a word.
    } catch (RuntimeException e) {
      throw EngineFailures.failure("remove image " + id, e);
    }
  }

  /** What the image runs by default, as its configuration says. */
  ImageConfig config(String image) {
    try {
      var config = client.inspectImageCmd(image).exec().getConfig();
      if (config == null) {
        return new ImageConfig(List.of(), List.of(), List.of());
      }
      return new ImageConfig(
          config.getEntrypoint() == null ? List.of() : List.of(config.getEntrypoint()),
          config.getCmd() == null ? List.of() : List.of(config.getCmd()),
          config.getEnv() == null ? List.of() : List.of(config.getEnv()));
    } catch (RuntimeException e) {
      throw EngineFailures.failure("inspect image " + image, e);
    }
  }
}
