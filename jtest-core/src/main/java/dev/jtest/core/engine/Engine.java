package dev.jtest.core.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A connection to one Docker engine. The only class of jtest that docker-java's types pass through
 * on their way to the rest of the code base; callers see JDK types and jtest's records.
 *
 * <p>Not thread-confined: docker-java's client is safe for concurrent use.
 */
public final class Engine implements AutoCloseable {

  /** How long connecting may take before jtest reports the engine as unreachable. */
  static final Duration CONNECT_TIMEOUT = Duration.ofMillis(1500);

  private final EngineEndpoint endpoint;
  private final DockerClient client;

  private Engine(EngineEndpoint endpoint, DockerClient client) {
    this.endpoint = endpoint;
    this.client = client;
  }

  /**
   * Connects to the engine at {@code endpoint} and checks that it answers.
   *
   * @throws EngineUnavailableException within about {@link #CONNECT_TIMEOUT} when it does not
   */
  public static Engine connect(EngineEndpoint endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    // A plain socket connect first: it fails fast and quietly, where httpclient5 would retry and
    // log each retry at INFO before docker-java gives up.
    preflight(endpoint);
    DefaultDockerClientConfig config =
        new DefaultDockerClientConfig.Builder()
            .withDockerHost(endpoint.uri().toString())
            .withDockerTlsVerify(endpoint.tlsVerify())
            .withDockerCertPath(endpoint.certPath() == null ? null : endpoint.certPath().toString())
            .withDockerConfig(Path.of(System.getProperty("user.home"), ".docker").toString())
            .build();
    ApacheDockerHttpClient http =
        new ApacheDockerHttpClient.Builder()
            .dockerHost(config.getDockerHost())
            .sslConfig(config.getSSLConfig())
            .connectionTimeout(CONNECT_TIMEOUT)
            .maxConnections(64)
            .build();
    DockerClient client = DockerClientImpl.getInstance(config, http);
    Engine engine = new Engine(endpoint, client);
    try {
      client.pingCmd().exec();
    } catch (RuntimeException e) {
      engine.close();
      throw EngineFailures.unreachable(endpoint, e);
    }
    return engine;
  }

  /** Where this engine answered. */
  public EngineEndpoint endpoint() {
    return endpoint;
  }

  /** The engine's version, API version and host facts. */
  public EngineInfo info() {
    Version version = client.versionCmd().exec();
    Info info = client.infoCmd().exec();
    return new EngineInfo(
        endpoint,
        version.getVersion(),
        version.getApiVersion(),
        version.getMinAPIVersion(),
        version.getOperatingSystem() + "/" + version.getArch(),
        version.getKernelVersion(),
        info.getDriver());
  }

  /** The image named {@code reference}, when it is present on the engine. */
  public Optional<ImageFacts> findImage(String reference) {
    try {
      InspectImageResponse image = client.inspectImageCmd(reference).exec();
      Map<String, String> labels =
          image.getConfig() == null || image.getConfig().getLabels() == null
              ? Map.of()
              : Map.copyOf(image.getConfig().getLabels());
      long size = image.getSize() == null ? 0 : image.getSize();
      return Optional.of(
          new ImageFacts(reference, image.getId(), image.getCreated(), size, labels));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * Builds an image, reporting each line of the engine's output to {@code progress}.
   *
   * @return the id of the built image
   * @throws EngineException with the engine's error (the failing step's output is in {@code
   *     progress})
   */
  public String buildImage(ImageBuild build, Consumer<String> progress) {
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
                  } catch (java.io.IOException e) {
                    // Broken already; the recorded error says why.
                  }
                }
              })
          .awaitImageId();
    } catch (DockerClientException | DockerException e) {
      throw EngineFailures.failure(
          "build image " + build.tag(), streamError[0] instanceof RuntimeException r ? r : e);
    }
    if (streamError[0] != null) {
      throw EngineFailures.failure("build image " + build.tag(), streamError[0]);
    }
    // The full id, as inspect reports it: the build stream's short id would not compare equal.
    return findImage(build.tag())
        .map(ImageFacts::id)
        .orElseThrow(() -> EngineFailures.noImageAfterBuild(build.tag()));
  }

  /** Pulls {@code reference} from its registry, giving up after {@code timeout}. */
  public void pullImage(String reference, Duration timeout) {
    QuietCallback<com.github.dockerjava.api.model.PullResponseItem> callback =
        new QuietCallback<>();
    try {
      boolean done =
          client
              .pullImageCmd(reference)
              .exec(callback)
              .awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (callback.error() != null) {
        throw EngineFailures.failure("pull image " + reference, callback.error());
      }
      if (!done) {
        throw EngineFailures.pullTimedOut(reference, timeout);
      }
    } catch (InterruptedException e) {
      throw EngineFailures.interrupted("pull image " + reference, e);
    } catch (DockerClientException | DockerException e) {
      throw EngineFailures.failure("pull image " + reference, e);
    }
  }

  /** Removes an image; one still in use, or already gone, is left alone. */
  public void removeImageQuietly(String id) {
    try {
      client.removeImageCmd(id).withNoPrune(false).exec();
    } catch (DockerException e) {
      // In use by another container, or already gone: neither is worth a word.
    }
  }

  /** What the image runs by default, as its configuration says. */
  public ImageConfig imageConfig(String image) {
    try {
      var config = client.inspectImageCmd(image).exec().getConfig();
      if (config == null) {
        return new ImageConfig(List.of(), List.of(), List.of());
      }
      return new ImageConfig(
          config.getEntrypoint() == null ? List.of() : List.of(config.getEntrypoint()),
          config.getCmd() == null ? List.of() : List.of(config.getCmd()),
          config.getEnv() == null ? List.of() : List.of(config.getEnv()));
    } catch (DockerException e) {
      throw EngineFailures.failure("inspect image " + image, e);
    }
  }

  /** Puts {@code files} into a created container, before it starts. */
  public void copyToContainer(String id, List<ContainerFile> files) {
    java.io.ByteArrayOutputStream tar = new java.io.ByteArrayOutputStream();
    try (var out = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(tar)) {
      out.setLongFileMode(
          org.apache.commons.compress.archivers.tar.TarArchiveOutputStream.LONGFILE_POSIX);
      for (ContainerFile file : files) {
        String name = file.path().replaceFirst("^/", "") + (file.directory() ? "/" : "");
        var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(name);
        entry.setMode((file.directory() ? 040000 : 0100000) | file.mode());
        if (!file.directory()) {
          entry.setSize(file.content().length);
        }
        out.putArchiveEntry(entry);
        if (!file.directory()) {
          out.write(file.content());
        }
        out.closeArchiveEntry();
      }
    } catch (java.io.IOException e) {
      throw EngineFailures.failure("copy files into container " + id, e);
    }
    try {
      client
          .copyArchiveToContainerCmd(id)
          .withTarInputStream(new java.io.ByteArrayInputStream(tar.toByteArray()))
          .withRemotePath("/")
          .exec();
    } catch (DockerException e) {
      throw EngineFailures.failure("copy files into container " + id, e);
    }
  }

  /** The content of one file in a container, running or stopped; empty when there is none. */
  public Optional<byte[]> readFile(String id, String path) {
    try (var in = client.copyArchiveFromContainerCmd(id, path).exec();
        var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(in)) {
      var entry = tar.getNextEntry();
      while (entry != null && entry.isDirectory()) {
        entry = tar.getNextEntry();
      }
      return entry == null ? Optional.empty() : Optional.of(tar.readAllBytes());
    } catch (NotFoundException e) {
      return Optional.empty();
    } catch (java.io.IOException e) {
      throw EngineFailures.failure("copy " + path + " out of container " + id, e);
    } catch (DockerException e) {
      throw EngineFailures.failure("copy " + path + " out of container " + id, e);
    }
  }

  /** Creates a bridge network. */
  public String createNetwork(String name, Map<String, String> labels, boolean internal) {
    try {
      return client
          .createNetworkCmd()
          .withName(name)
          .withDriver("bridge")
          .withInternal(internal)
          .withLabels(labels)
          .withCheckDuplicate(true)
          .exec()
          .getId();
    } catch (DockerException e) {
      throw EngineFailures.failure("create network " + name, e);
    }
  }

  /** Creates a named volume. */
  public void createVolume(String name, Map<String, String> labels) {
    try {
      client.createVolumeCmd().withName(name).withLabels(labels).exec();
    } catch (DockerException e) {
      throw EngineFailures.failure("create volume " + name, e);
    }
  }

  /** Creates a container, not yet started. */
  public String createContainer(ContainerRequest request) {
    CreateContainerCmd command =
        ContainerRequestMapping.fill(client.createContainerCmd(request.image()), request);
    try {
      return command.exec().getId();
    } catch (DockerException e) {
      throw EngineFailures.failure("create container " + request.name(), e);
    }
  }

  /** Joins a created container to a further network. */
  public void connectNetwork(String containerId, String network, List<String> aliases) {
    try {
      client
          .connectToNetworkCmd()
          .withContainerId(containerId)
          .withNetworkId(network)
          .withContainerNetwork(new ContainerNetwork().withAliases(aliases))
          .exec();
    } catch (DockerException e) {
      throw EngineFailures.failure("connect container to network " + network, e);
    }
  }

  /** Starts a created container. */
  public void startContainer(String id, String name) {
    try {
      client.startContainerCmd(id).exec();
    } catch (NotModifiedException e) {
      // Already running.
    } catch (DockerException e) {
      throw EngineFailures.failure("start container " + name, e);
    }
  }

  /** The container's current state, or empty when it no longer exists. */
  public Optional<ContainerFacts> inspect(String id) {
    InspectContainerResponse response;
    try {
      response = client.inspectContainerCmd(id).exec();
    } catch (NotFoundException e) {
      return Optional.empty();
    } catch (DockerException e) {
      throw EngineFailures.failure("inspect container " + id, e);
    }
    return Optional.of(ContainerFactsMapping.facts(response));
  }

  /**
   * Runs {@code command} in a running container.
   *
   * @param environment extra {@code KEY=value} entries for the command
   */
  public ExecResult exec(
      String id, List<String> command, List<String> environment, Duration timeout) {
    StringBuilder output = new StringBuilder();
    try {
      String execId =
          client
              .execCreateCmd(id)
              .withCmd(command.toArray(String[]::new))
              .withEnv(environment)
              .withAttachStdout(true)
              .withAttachStderr(true)
              .exec()
              .getId();
      boolean done =
          client
              .execStartCmd(execId)
              .exec(
                  new QuietCallback<Frame>() {
                    @Override
                    public void onNext(Frame frame) {
                      synchronized (output) {
                        output.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                      }
                    }
                  })
              .awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
      Long exit = done ? client.inspectExecCmd(execId).exec().getExitCodeLong() : null;
      synchronized (output) {
        return new ExecResult(exit == null ? null : exit.intValue(), output.toString());
      }
    } catch (InterruptedException e) {
      throw EngineFailures.interrupted("exec " + command, e);
    } catch (DockerException e) {
      throw EngineFailures.failure("exec " + String.join(" ", command), e);
    }
  }

  /**
   * Streams the container's output from its start, line by line, until the container ends or the
   * returned handle is closed.
   */
  public Closeable followLogs(String id, Consumer<String> lines, Runnable onEnd) {
    LineSplitter splitter = new LineSplitter(lines);
    return client
        .logContainerCmd(id)
        .withStdOut(true)
        .withStdErr(true)
        .withFollowStream(true)
        .exec(
            new QuietCallback<Frame>() {
              @Override
              public void onNext(Frame frame) {
                splitter.accept(frame.getPayload());
              }

              @Override
              public void onComplete() {
                splitter.flush();
                onEnd.run();
                super.onComplete();
              }

              @Override
              public void onError(Throwable throwable) {
                // The container went away while followed: its log simply ends here.
                splitter.flush();
                onEnd.run();
                super.onError(throwable);
              }
            });
  }

  /** The container's output so far (the last {@code tail} lines; all when negative). */
  public List<String> logs(String id, int tail) {
    List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
    LineSplitter splitter = new LineSplitter(lines::add);
    var command = client.logContainerCmd(id).withStdOut(true).withStdErr(true);
    if (tail >= 0) {
      command.withTail(tail);
    } else {
      command.withTailAll();
    }
    try {
      command
          .exec(
              new QuietCallback<Frame>() {
                @Override
                public void onNext(Frame frame) {
                  splitter.accept(frame.getPayload());
                }
              })
          .awaitCompletion(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (NotFoundException e) {
      return List.of();
    }
    splitter.flush();
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  /** Asks the container to stop with its stop signal, killing it after {@code grace}. */
  public void stopContainer(String id, Duration grace) {
    try {
      client.stopContainerCmd(id).withTimeout((int) Math.max(0, grace.toSeconds())).exec();
    } catch (NotModifiedException | NotFoundException e) {
      // Already stopped, or gone: the goal is reached.
    } catch (DockerException e) {
      throw EngineFailures.failure("stop container " + id, e);
    }
  }

  /** Kills the container at once. */
  public void killContainer(String id) {
    try {
      client.killContainerCmd(id).exec();
    } catch (NotFoundException | com.github.dockerjava.api.exception.ConflictException e) {
      // Gone, or not running.
    }
  }

  /** Removes a container and its anonymous volumes, running or not; a missing one is fine. */
  public void removeContainer(String id) {
    try {
      client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
    } catch (NotFoundException e) {
      // Already gone.
    } catch (DockerException e) {
      if (!String.valueOf(e.getMessage()).contains("already in progress")) {
        throw EngineFailures.failure("remove container " + id, e);
      }
    }
  }

  /** Removes a network; a missing one is fine. */
  public void removeNetwork(String id) {
    try {
      client.removeNetworkCmd(id).exec();
    } catch (NotFoundException e) {
      // Already gone.
    } catch (DockerException e) {
      throw EngineFailures.failure("remove network " + id, e);
    }
  }

  /** Removes a volume; a missing one is fine. */
  public void removeVolume(String name) {
    try {
      client.removeVolumeCmd(name).exec();
    } catch (NotFoundException e) {
      // Already gone.
    } catch (DockerException e) {
      throw EngineFailures.failure("remove volume " + name, e);
    }
  }

  /** Containers, networks and volumes that carry all of {@code labels} ({@code key=value}). */
  public List<LabelledResource> findLabelled(Map<String, String> labels) {
    List<String> filter = new ArrayList<>();
    labels.forEach((k, v) -> filter.add(v == null ? k : k + "=" + v));
    List<LabelledResource> found = new ArrayList<>();
    try {
      for (Container container :
          client.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec()) {
        String name =
            container.getNames() == null || container.getNames().length == 0
                ? container.getId()
                : container.getNames()[0].replaceFirst("^/", "");
        found.add(
            new LabelledResource(
                LabelledResource.Kind.CONTAINER,
                container.getId(),
                name,
                container.getLabels() == null ? Map.of() : Map.copyOf(container.getLabels()),
                "running".equals(container.getState())));
      }
      for (Network network : client.listNetworksCmd().withFilter("label", filter).exec()) {
        found.add(
            new LabelledResource(
                LabelledResource.Kind.NETWORK,
                network.getId(),
                network.getName(),
                network.getLabels() == null ? Map.of() : Map.copyOf(network.getLabels()),
                false));
      }
      var volumes = client.listVolumesCmd().withFilter("label", filter).exec().getVolumes();
      if (volumes != null) {
        for (var volume : volumes) {
          found.add(
              new LabelledResource(
                  LabelledResource.Kind.VOLUME,
                  volume.getName(),
                  volume.getName(),
                  volume.getLabels() == null ? Map.of() : Map.copyOf(volume.getLabels()),
                  false));
        }
      }
    } catch (DockerException e) {
      throw EngineFailures.failure("list resources labelled " + filter, e);
    }
    return found;
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      // Closing only releases pooled connections; nothing the user could act on.
    }
  }

  private static void preflight(EngineEndpoint endpoint) {
    try {
      Optional<Path> socket = endpoint.socketPath();
      if (socket.isPresent()) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
          channel.connect(UnixDomainSocketAddress.of(socket.get()));
        }
      } else if ("tcp".equals(endpoint.uri().getScheme())) {
        try (Socket plain = new Socket()) {
          plain.connect(
              new InetSocketAddress(endpoint.uri().getHost(), endpoint.uri().getPort()),
              (int) CONNECT_TIMEOUT.toMillis());
        }
      }
    } catch (IOException e) {
      throw EngineFailures.unreachable(endpoint, e);
    }
  }
}
