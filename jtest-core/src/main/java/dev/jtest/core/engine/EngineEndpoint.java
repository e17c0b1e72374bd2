package dev.jtest.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jtest.core.ConfigurationException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where the Docker engine listens, and why jtest chose that address.
 *
 * <p>Resolved as the docker CLI does: the Docker context named by {@code DOCKER_CONTEXT}, else
 * {@code DOCKER_HOST}, else the context {@code docker context use} chose ({@code currentContext} in
 * {@code $DOCKER_CONFIG/config.json}, {@code ~/.docker} by default), else the system socket, else a
 * rootless engine's socket under {@code XDG_RUNTIME_DIR}. docker-java's own resolution is not used
 * because it also reads {@code -Dapi.version} and {@code ~/.docker-java.properties}, which would
 * pin an API version behind the user's back.
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
    if (isSet(env.get("DOCKER_CONTEXT"))) {
      Optional<EngineEndpoint> named =
          fromContext(env.get("DOCKER_CONTEXT").trim(), "DOCKER_CONTEXT", configDir(env));
      if (named.isPresent()) {
        return named.get();
      }
    } else if (!isSet(env.get("DOCKER_HOST"))) {
      Optional<EngineEndpoint> current = currentContext(configDir(env));
      if (current.isPresent()) {
        return current.get();
      }
    }
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

  /** The docker CLI's configuration directory: {@code DOCKER_CONFIG}, else {@code ~/.docker}. */
  private static Path configDir(Map<String, String> env) {
    if (isSet(env.get("DOCKER_CONFIG"))) {
      return Path.of(env.get("DOCKER_CONFIG"));
    }
    return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".docker");
  }

  /** The context that {@code docker context use} recorded, if it is not the default one. */
  private static Optional<EngineEndpoint> currentContext(Path configDir) {
    Path config = configDir.resolve("config.json");
    if (!Files.isRegularFile(config)) {
      return Optional.empty();
    }
    JsonNode current = readJson(config, "the docker CLI's configuration").path("currentContext");
    if (!current.isTextual() || current.asText().isBlank()) {
      return Optional.empty();
    }
    return fromContext(current.asText().trim(), "currentContext of " + config, configDir);
  }

  /**
   * The endpoint of Docker context {@code name}, as the CLI stores it: its metadata in {@code
   * contexts/meta/<sha256 of name>/meta.json}, its TLS files in {@code contexts/tls/<same>/docker}.
   * Empty for the built-in {@code default} context, which stands for the environment and socket.
   *
   * @throws ConfigurationException when the context does not exist or has no docker endpoint
   */
  static Optional<EngineEndpoint> fromContext(String name, String chosenBy, Path configDir) {
    if (name.equals("default")) {
      return Optional.empty();
    }
    String id = sha256(name);
    Path meta = configDir.resolve("contexts").resolve("meta").resolve(id).resolve("meta.json");
    if (!Files.isRegularFile(meta)) {
      throw new ConfigurationException(
          "Docker context '"
              + name
              + "' (from "
              + chosenBy
              + ") does not exist: there is no "
              + meta
              + ". List the contexts with 'docker context ls', or unset "
              + (chosenBy.equals("DOCKER_CONTEXT")
                  ? "DOCKER_CONTEXT"
                  : "it with 'docker context use default'")
              + ".");
    }
    JsonNode host =
        readJson(meta, "Docker context '" + name + "'")
            .path("Endpoints")
            .path("docker")
            .path("Host");
    if (!host.isTextual() || host.asText().isBlank()) {
      throw new ConfigurationException(
          "Docker context '"
              + name
              + "' ("
              + meta
              + ") names no docker endpoint Host: recreate it with 'docker context create "
              + name
              + " --docker host=...'.");
    }
    Path tlsDir = configDir.resolve("contexts").resolve("tls").resolve(id).resolve("docker");
    boolean tls = Files.isRegularFile(tlsDir.resolve("cert.pem"));
    String origin = "Docker context '" + name + "' (" + chosenBy + ")";
    return Optional.of(
        new EngineEndpoint(parseHost(host.asText().trim(), tls), origin, tls, tls ? tlsDir : null));
  }

  private static JsonNode readJson(Path file, String what) {
    try {
      return new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new ConfigurationException(
          "cannot read "
              + what
              + " ("
              + file
              + "): "
              + e.getMessage()
              + ". Fix or remove the file.");
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalArgumentException("every JVM has SHA-256", e);
    }
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
