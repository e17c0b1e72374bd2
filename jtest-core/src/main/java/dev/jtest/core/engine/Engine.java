package dev.jtest.core.engine;

import com.github.dockerjava.api.DockerClient;
import java.io.Closeable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A connection to one Docker engine: the door through which the rest of jtest reaches it, with JDK
 * types and jtest's records only. Each resource has its own class in this package, the only one
 * that imports docker-java:
 *
 * <ul>
 *   <li>{@link EngineConnection}: connecting, the preflight check, the engine's version;
 *   <li>{@link Images}: find, build, pull, read and remove images;
 *   <li>{@link Containers}: create, start, inspect, stop, kill and remove containers, through the
 *       pure {@link ContainerRequestMapping} and {@link ContainerFactsMapping};
 *   <li>{@link ContainerFiles}: files into and out of containers;
 *   <li>{@link NetworksAndVolumes}: networks and named volumes;
 *   <li>{@link ExecAndLogs}: commands in containers, and their output;
 *   <li>{@link LabelSearch}: whatever jtest's labels mark;
 *   <li>{@link ContainerEvents}: the event stream of labelled containers, through the pure {@link
 *       ContainerEventMapping};
 *   <li>{@link EngineFailures}: what docker-java throws, as {@link EngineException} and {@link
 *       EngineUnavailableException}.
 * </ul>
 *
 * <p>Not thread-confined: docker-java's client is safe for concurrent use. Every operation throws
 * {@link EngineException} when the engine refuses it or cannot be reached any more.
 */
public final class Engine implements AutoCloseable {

  private final EngineEndpoint endpoint;
  private final DockerClient client;
  private final Images images;
  private final Containers containers;
  private final ContainerFiles files;
  private final NetworksAndVolumes networksAndVolumes;
  private final ExecAndLogs execAndLogs;
  private final LabelSearch labelSearch;
  private final ContainerEvents events;

  /** What the engine said about itself; asked on first use, as most runs never need it. */
  private volatile EngineInfo info;

  private Engine(EngineEndpoint endpoint, DockerClient client) {
    this.endpoint = endpoint;
    this.client = client;
    this.images = new Images(client);
    this.containers = new Containers(client);
    this.files = new ContainerFiles(client);
    this.networksAndVolumes = new NetworksAndVolumes(client);
    this.execAndLogs = new ExecAndLogs(client);
    this.labelSearch = new LabelSearch(client);
    this.events = new ContainerEvents(client);
  }

  /**
   * Connects to the engine at {@code endpoint} and checks that it answers.
   *
   * @throws EngineUnavailableException within about {@link EngineConnection#CONNECT_TIMEOUT} when
   *     it does not
   */
  public static Engine connect(EngineEndpoint endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    return new Engine(endpoint, EngineConnection.open(endpoint));
  }

  /** Where this engine answered. */
  public EngineEndpoint endpoint() {
    return endpoint;
  }

  /** The engine's version, API version and host facts, asked once per connection. */
  public EngineInfo info() {
    EngineInfo known = info;
    if (known == null) {
      known = EngineConnection.info(client, endpoint);
      info = known;
    }
    return known;
  }

  // Images

  /**
   * Whether images {@code a} and {@code b} are the same build: the same id, or the same layers and
   * configuration but for labels, as Podman's build cache may answer a rebuild.
   */
  public boolean sameImageContent(String a, String b) {
    return images.sameContent(a, b);
  }

  /** The image named {@code reference}, when it is present on the engine. */
  public Optional<ImageFacts> findImage(String reference) {
    return images.find(reference);
  }

  /**
   * Builds an image, reporting each line of the engine's output to {@code progress}.
   *
   * @return the id of the built image
   * @throws EngineException with the engine's error (the failing step's output is in {@code
   *     progress})
   */
  public String buildImage(ImageBuild build, Consumer<String> progress) {
    return images.build(build, progress);
  }

  /** Pulls {@code reference} from its registry, giving up after {@code timeout}. */
  public void pullImage(String reference, Duration timeout) {
    images.pull(reference, null, timeout);
  }

  /**
   * Pulls {@code reference} for {@code platform} ({@code linux/arm64}; {@code null} for the
   * engine's own), giving up after {@code timeout}.
   */
  public void pullImage(String reference, String platform, Duration timeout) {
    images.pull(reference, platform, timeout);
  }

  /** Removes an image; one still in use, or already gone, is left alone. */
  public void removeImageQuietly(String id) {
    images.removeQuietly(id);
  }

  /** What the image runs by default, as its configuration says. */
  public ImageConfig imageConfig(String image) {
    return images.config(image);
  }

  // Containers

  /** Creates a container, not yet started. */
  public String createContainer(ContainerRequest request) {
    return containers.create(request, warning -> {});
  }

  /**
   * Creates a container, not yet started; {@code warnings} hears each setting the engine accepted
   * but could not apply on its host, named by its compose key where jtest knows it.
   *
   * @throws dev.jtest.core.JtestException when the request needs a newer engine (a CDI device)
   */
  public String createContainer(ContainerRequest request, Consumer<String> warnings) {
    return containers.create(request, warnings);
  }

  /** Joins a created container to a further network. */
  public void connectNetwork(String containerId, String network, List<String> aliases) {
    containers.connectNetwork(containerId, network, aliases);
  }

  /** Starts a created container. */
  public void startContainer(String id, String name) {
    containers.start(id, name);
  }

  /** The container's current state, or empty when it no longer exists. */
  public Optional<ContainerFacts> inspect(String id) {
    return containers.inspect(id);
  }

  /** Asks the container to stop with its stop signal, killing it after {@code grace}. */
  public void stopContainer(String id, Duration grace) {
    containers.stop(id, grace);
  }

  /** Kills the container at once. */
  public void killContainer(String id) {
    containers.kill(id);
  }

  /** Removes a container and its anonymous volumes, running or not; a missing one is fine. */
  public void removeContainer(String id) {
    containers.remove(id);
  }

  // Files in containers

  /** Puts {@code files} into a created container, before it starts. */
  public void copyToContainer(String id, List<ContainerFile> files) {
    this.files.copyTo(id, files);
  }

  /** The content of one file in a container, running or stopped; empty when there is none. */
  public Optional<byte[]> readFile(String id, String path) {
    return files.read(id, path);
  }

  // Networks and volumes

  /** Creates a bridge network. */
  public String createNetwork(String name, Map<String, String> labels, boolean internal) {
    return networksAndVolumes.createNetwork(name, labels, internal);
  }

  /** Creates a named volume. */
  public void createVolume(String name, Map<String, String> labels) {
    networksAndVolumes.createVolume(name, labels);
  }

  /** Removes a network; a missing one is fine. */
  public void removeNetwork(String id) {
    networksAndVolumes.removeNetwork(id);
  }

  /** Removes a volume; a missing one is fine. */
  public void removeVolume(String name) {
    networksAndVolumes.removeVolume(name);
  }

  // Exec and logs

  /**
   * Runs {@code command} in a running container.
   *
   * @param environment extra {@code KEY=value} entries for the command
   */
  public ExecResult exec(
      String id, List<String> command, List<String> environment, Duration timeout) {
    return execAndLogs.exec(id, command, environment, timeout);
  }

  /** Runs {@code command} in a running container as its user, directory and privileges say. */
  public ExecResult exec(String id, ExecCommand command, Duration timeout) {
    return execAndLogs.exec(id, command, timeout);
  }

  /**
   * Streams the container's output from its start, line by line with the engine's time of each,
   * until the container ends or the returned handle is closed.
   */
  public Closeable followLogs(String id, Consumer<LogLine> lines, Runnable onEnd) {
    return execAndLogs.follow(id, lines, onEnd);
  }

  /** The container's output so far (the last {@code tail} lines; all when negative). */
  public List<String> logs(String id, int tail) {
    return execAndLogs.logs(id, tail);
  }

  // Label search

  /** Containers, networks and volumes that carry all of {@code labels} ({@code key=value}). */
  public List<LabelledResource> findLabelled(Map<String, String> labels) {
    return labelSearch.find(labels);
  }

  // Events

  /**
   * Streams the events of the containers that carry all of {@code labels} ({@code key=value}),
   * including those of the last minutes the engine still holds, until the returned handle is
   * closed. {@code ended} hears, once, why the stream ended on its own.
   */
  public Closeable followContainerEvents(
      Map<String, String> labels, Consumer<ContainerEvent> events, Consumer<String> ended) {
    return this.events.follow(labels, events, ended);
  }

  @Override
  public void close() {
    EngineConnection.close(client);
  }
}
