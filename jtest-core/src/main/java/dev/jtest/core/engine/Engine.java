package dev.jtest.core.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A connection to one Docker engine. The only class of jtest that docker-java's types pass through
 * on their way to the rest of the code base; callers see JDK types and jtest's records.
 *
 * <p>Not thread-confined: docker-java's client is safe for concurrent use.
 */
public final class Engine implements AutoCloseable {

  /** How long connecting may take before jtest reports the engine as unreachable. */
  static final Duration CONNECT_TIMEOUT = Duration.ofMillis(1500);

  /**
   * How long one read may wait. Long enough for a slow image build step's silence; a request that
   * waits longer is reported as a failure instead of hanging the build.
   */
  static final Duration RESPONSE_TIMEOUT = Duration.ofMinutes(10);

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
            .responseTimeout(RESPONSE_TIMEOUT)
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
