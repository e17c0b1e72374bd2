package dev.jtest.core.services;

import dev.jtest.core.ConfigurationException;
import dev.jtest.core.compose.IdentitySpec;
import dev.jtest.core.compose.ServiceSpec;
import dev.jtest.core.engine.Engine;
import dev.jtest.core.engine.EngineException;
import dev.jtest.core.engine.ImageBuild;
import dev.jtest.core.engine.ImageFacts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Makes a service's image available on the engine: builds it when the service has a {@code build}
 * section, else uses the image present or pulls it. Reports each build step as it runs, and says
 * what to fix when a build or pull fails.
 */
final class ImageResolver {

  /** How many lines of a failed build's output its message shows. */
  static final int BUILD_OUTPUT_LINES = 20;

  private final Engine engine;
  private final StackListener listener;
  private final String projectId;
  private final Duration pullTimeout;
  private final Map<String, CompletableFuture<Optional<ImageFacts>>> lookups =
      new ConcurrentHashMap<>();

  /** Images whose tag a build of this run moved away, removed once every image is resolved. */
  private final Set<String> superseded = ConcurrentHashMap.newKeySet();

  /**
   * @param projectId names the image built for a service that names none
   * @param pullTimeout how long pulling a missing image may take
   */
  ImageResolver(Engine engine, StackListener listener, String projectId, Duration pullTimeout) {
    this.engine = engine;
    this.listener = listener;
    this.projectId = projectId;
    this.pullTimeout = pullTimeout;
  }

  /**
   * Starts looking up, on {@code executor}, the images of the services in {@code specs} that are
   * not built, once per image, so that {@link #resolve} finds them already looked up: the lookups
   * then overlap the creation of the run's networks. A lookup that fails is made again by {@link
   * #resolve}, which reports it as it would have.
   */
  void lookUpAhead(Collection<ServiceSpec> specs, Executor executor) {
    for (ServiceSpec spec : specs) {
      if (spec.build() == null) {
        lookups.computeIfAbsent(
            spec.image(),
            image -> CompletableFuture.supplyAsync(() -> engine.findImage(image), executor));
      }
    }
  }

  /**
   * The id of the image {@code spec} runs, built or pulled as needed.
   *
   * @throws ConfigurationException when the build fails (with its last output) or the image cannot
   *     be pulled
   */
  String resolve(ServiceSpec spec) {
    return spec.build() != null ? build(spec) : findOrPull(spec);
  }

  private String build(ServiceSpec spec) {
    String tag =
        spec.image() != null ? spec.image() : "jtest/" + projectId + "-" + spec.name() + ":latest";
    Optional<String> previous = engine.findImage(tag).map(ImageFacts::id);
    List<String> output = Collections.synchronizedList(new ArrayList<>());
    listener.info(spec.name() + ": building image " + tag + " from " + spec.build().context());
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(RunIdentity.PROJECT, projectId);
    labels.put(RunIdentity.SERVICE, spec.name());
    String id;
    try {
      id =
          engine.buildImage(
              new ImageBuild(
                  spec.build().context(),
                  spec.build().dockerfile(),
                  spec.build().args(),
                  spec.build().target(),
                  tag,
                  labels),
              line -> {
                output.add(line);
                // Each step at info (cached or not), its output only in a verbose log.
                if (line.startsWith("Step ")) {
                  listener.info(spec.name() + " | " + line);
                } else {
                  listener.detail(spec.name() + " | " + line);
                }
              });
    } catch (EngineException e) {
      List<String> tail =
          output.subList(Math.max(0, output.size() - BUILD_OUTPUT_LINES), output.size());
      throw new ConfigurationException(
          spec.location()
              + ": service '"
              + spec.name()
              + "': building its image failed: "
              + e.engineMessage()
              + (tail.isEmpty() ? "" : "\nLast build output:\n  | " + String.join("\n  | ", tail))
              + "\nFix the Dockerfile ("
              + spec.build().context().resolve(spec.build().dockerfile())
              + ") or the build section.");
    }
    if (previous.isPresent() && !previous.get().equals(id)) {
      // The tag moved to the new build: the old image would only fill the disk. Not removed now:
      // builds run in parallel, and one from the same context may be returning that very image
      // from its cache (Podman's build cache matches it whatever the service label).
      superseded.add(previous.get());
    }
    return id;
  }

  /**
   * Removes the images whose tags this run's builds moved away, except those in {@code inUse} (the
   * images the run's services run); call once every service's image is resolved. An image still
   * tagged or used elsewhere is left alone by the engine.
   */
  void removeSuperseded(Collection<String> inUse) {
    for (String id : List.copyOf(superseded)) {
      if (!inUse.contains(id)) {
        engine.removeImageQuietly(id);
      }
      superseded.remove(id);
    }
  }

  /** The images whose tags this run's builds moved away, not removed yet. */
  Set<String> superseded() {
    return Set.copyOf(superseded);
  }

  /**
   * The image as {@code pull_policy} says: pulled on every run when {@code always}, never pulled
   * when {@code never}, otherwise pulled only when the engine does not have it.
   */
  private String findOrPull(ServiceSpec spec) {
    IdentitySpec.PullPolicy policy = spec.identity().pullPolicy();
    Optional<String> present =
        policy == IdentitySpec.PullPolicy.ALWAYS
            ? Optional.empty()
            : lookedUp(spec.image()).map(ImageFacts::id);
    if (present.isPresent()) {
      return present.get();
    }
    if (policy == IdentitySpec.PullPolicy.NEVER) {
      throw imageError(
          spec,
          "is not on the engine and pull_policy: never forbids pulling it: pull or load it first"
              + " (docker pull "
              + spec.image()
              + "), or remove pull_policy");
    }
    listener.info(
        spec.name()
            + ": pulling image "
            + spec.image()
            + (policy == IdentitySpec.PullPolicy.ALWAYS ? " (pull_policy: always)" : ""));
    try {
      engine.pullImage(spec.image(), spec.identity().platform(), pullTimeout);
    } catch (EngineException e) {
      throw imageError(
          spec,
          (policy == IdentitySpec.PullPolicy.ALWAYS
                  ? "cannot be pulled, as pull_policy: always asks ("
                  : "is not on the engine and cannot be pulled (")
              + e.engineMessage()
              + "): build or load it first, or give the service a 'build:' section");
    }
    return engine.findImage(spec.image()).map(ImageFacts::id).orElse(spec.image());
  }

  /** "compose.yaml:3: service 'api': image 'x' " + {@code what}. */
  private static ConfigurationException imageError(ServiceSpec spec, String what) {
    return new ConfigurationException(
        spec.location() + ": service '" + spec.name() + "': image '" + spec.image() + "' " + what);
  }

  /** The image as {@link #lookUpAhead} found it, or as the engine says now. */
  private Optional<ImageFacts> lookedUp(String image) {
    CompletableFuture<Optional<ImageFacts>> ahead = lookups.get(image);
    if (ahead != null) {
      try {
        return ahead.join();
      } catch (CompletionException | CancellationException e) {
        // Asked again below, so that the failure is reported where and as it always was.
      }
    }
    return engine.findImage(image);
  }
}
