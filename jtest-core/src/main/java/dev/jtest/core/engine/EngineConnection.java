package dev.jtest.core.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.SSLConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Opens docker-java's client to one engine and tells what that engine is. */
final class EngineConnection {

  /** How long connecting may take before jtest reports the engine as unreachable. */
  static final Duration CONNECT_TIMEOUT = Duration.ofMillis(1500);

  private EngineConnection() {}

  /**
   * A client connected to {@code endpoint}, which has answered a ping.
   *
   * @throws EngineUnavailableException within about {@link #CONNECT_TIMEOUT} when it does not
   */
  static DockerClient open(EngineEndpoint endpoint) {
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
            .sslConfig(sslConfig(endpoint, config))
            .connectionTimeout(CONNECT_TIMEOUT)
            // No read timeout: a followed log, a build step or a stop with a grace period is
            // silent for as long as it takes. Said explicitly, because over TLS httpclient5 keeps
            // the connect timeout as the read timeout after the handshake, which ended followed
            // logs after 1.5 s of silence on a tcp:// engine.
            .responseTimeout(Duration.ZERO)
            .maxConnections(64)
            .build();
    DockerClient client = DockerClientImpl.getInstance(config, http);
    try {
      client.pingCmd().exec();
    } catch (RuntimeException e) {
      close(client);
      throw EngineFailures.unreachable(endpoint, e);
    }
    return client;
  }

  /** The engine's TLS configuration; on a unix socket, one that costs nothing to make. */
  private static SSLConfig sslConfig(EngineEndpoint endpoint, DefaultDockerClientConfig config) {
    SSLConfig configured = config.getSSLConfig();
    return configured == null && endpoint.socketPath().isPresent() ? new UnusedTls() : configured;
  }

  /** The version, API version and host facts of the engine behind {@code client}. */
  static EngineInfo info(DockerClient client, EngineEndpoint endpoint) {
    Version version;
    Info info;
    try {
      version = client.versionCmd().exec();
      info = client.infoCmd().exec();
    } catch (RuntimeException e) {
      throw EngineFailures.failure("read the engine's version", e);
    }
    return new EngineInfo(
        endpoint,
        version.getVersion(),
        version.getApiVersion(),
        version.getMinAPIVersion(),
        version.getOperatingSystem() + "/" + version.getArch(),
        version.getKernelVersion(),
        info.getDriver(),
        isPodman(version));
  }

  /**
   * Whether {@code version} is Podman's: its service names itself in the components ({@code Podman
   * Engine}) and in the platform; Docker names neither so.
   */
  static boolean isPodman(Version version) {
    boolean component =
        version.getComponents() != null
            && version.getComponents().stream()
                .anyMatch(
                    c ->
                        c.getName() != null
                            && c.getName().toLowerCase(Locale.ROOT).contains("podman"));
    boolean platform =
        version.getPlatform() != null
            && version.getPlatform().getName() != null
            && version.getPlatform().getName().toLowerCase(Locale.ROOT).contains("podman");
    return component || platform;
  }

  /** Releases the client's pooled connections. */
  static void close(DockerClient client) {
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
