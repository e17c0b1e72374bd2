package dev.jtest.core.engine;

import dev.jtest.core.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where the Docker engine listens, and why jtest chose that address.
 *
 * <p>Resolved as the docker CLI does for the common cases: {@code DOCKER_HOST} when set, else the
 * system socket, else a rootless engine's socket under {@code XDG_RUNTIME_DIR}. docker-java's own
 * resolution is not used because it also reads {@code -Dapi.version} and {@code
 * ~/.docker-java.properties}, which would pin an API version behind the user's back.
 *
 * @param uri {@code unix:///path}, {@code tcp://host:port} or {@code npipe:////./pipe/name}
 * @param origin what chose this address, for messages ("DOCKER_HOST", "default socket", …)
 * @param tlsVerify whether TLS with client certificates is used ({@code DOCKER_TLS_VERIFY})
 * @param certPath the client certificates' directory when {@code tlsVerify}, else {@code null}
 */
public record EngineEndpoint(URI uri, String origin, boolean tlsVerify, Path certPath) {

  static final Path SYSTEM_SOCKET = Path.of("/var/run/docker.sock");

  /** Resolves the endpoint from this process's environment. */
  public static EngineEndpoint fromEnvironment() {
    return resolve(System.getenv(), Files::exists);
  }

  /**
   * Resolves the endpoint from {@code env}.
   *
   * @param socketExists tells whether a socket file exists, so that the choice can be tested
   * @throws ConfigurationException when {@code DOCKER_HOST} is not an engine address
   */
  static EngineEndpoint resolve(Map<String, String> env, Predicate<Path> socketExists) {
    boolean tls = isSet(env.get("DOCKER_TLS_VERIFY")) && !"0".equals(env.get("DOCKER_TLS_VERIFY"));
    Path certs = null;
    if (tls) {
      certs =
          isSet(env.get("DOCKER_CERT_PATH"))
              ? Path.of(env.get("DOCKER_CERT_PATH"))
              : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".docker");
    }
    String host = env.get("DOCKER_HOST");
    if (isSet(host)) {
      return new EngineEndpoint(parseHost(host.trim(), tls), "DOCKER_HOST", tls, certs);
    }
    if (socketExists.test(SYSTEM_SOCKET)) {
      return unix(SYSTEM_SOCKET, "default socket");
    }
    String runtimeDir = env.get("XDG_RUNTIME_DIR");
    if (isSet(runtimeDir)) {
      Path rootless = Path.of(runtimeDir, "docker.sock");
      if (socketExists.test(rootless)) {
        return unix(rootless, "rootless engine's socket in XDG_RUNTIME_DIR");
      }
    }
    return unix(SYSTEM_SOCKET, "default socket");
  }

  /**
   * Whether the engine may be on another machine ({@code tcp://}): local paths cannot be mounted
   * there, and ports published on its loopback are out of reach.
   */
  public boolean remote() {
    return "tcp".equals(uri.getScheme());
  }

  /** The socket file for a {@code unix://} endpoint. */
  public Optional<Path> socketPath() {
    return "unix".equals(uri.getScheme()) ? Optional.of(Path.of(uri.getPath())) : Optional.empty();
  }

  @Override
  public String toString() {
    return uri.toString();
  }

  private static EngineEndpoint unix(Path socket, String origin) {
    return new EngineEndpoint(URI.create("unix://" + socket), origin, false, null);
  }

  private static URI parseHost(String host, boolean tls) {
    if (host.endsWith("://")) {
      throw badHost(host, "nothing after '://'");
    }
    URI uri;
    try {
      uri = new URI(host);
    } catch (URISyntaxException e) {
      throw badHost(host, e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    switch (scheme) {
      case "unix", "npipe":
        if (uri.getPath() == null || uri.getPath().isEmpty()) {
          throw badHost(host, "no socket path");
        }
        return uri;
      case "tcp", "http", "https":
        if (uri.getHost() == null) {
          throw badHost(host, "no host name");
        }
        // As the docker CLI: 2376 is the TLS port, 2375 the plain one.
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 2376 : 2375;
        return URI.create("tcp://" + uri.getHost() + ":" + port);
      default:
        throw badHost(host, "unsupported scheme '" + scheme + "'");
    }
  }

  private static ConfigurationException badHost(String host, String reason) {
    return new ConfigurationException(
        "DOCKER_HOST='"
            + host
            + "' is not an engine address ("
            + reason
            + "): use unix:///var/run/docker.sock or tcp://host:2375, or unset it.");
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }
}
