package dev.jtest.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The endpoints of the services jtest started, read from the system properties that jtest hands to
 * the test JVM ({@code jtest.<service>.host}, {@code .port}, {@code .port.<n>}, {@code .url}), or
 * else from {@code target/jtest/services.properties} (for a test run from an IDE against a stack
 * kept with {@code -Djtest.keepRunning}).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class StartedServices {

  private static final Pattern KEY =
      Pattern.compile("jtest\\.([^.]+)\\.(host|port|url|port\\.(\\d+))");

  private final Map<String, Map<String, String>> byService;

  private StartedServices(Map<String, Map<String, String>> byService) {
    this.byService = byService;
  }

  /** The endpoints visible to this JVM. */
  public static StartedServices current() {
    Properties properties = new Properties();
    Path file = servicesFile();
    if (Files.isRegularFile(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        properties.load(in);
      } catch (IOException e) {
        // The system properties may still have them; the error names the known services.
      }
    }
    properties.putAll(System.getProperties());
    return of(properties);
  }

  /** The endpoints named by {@code properties}. */
  public static StartedServices of(Properties properties) {
    Map<String, Map<String, String>> byService = new TreeMap<>();
    for (String name : properties.stringPropertyNames()) {
      Matcher matcher = KEY.matcher(name);
      if (matcher.matches()) {
        byService
            .computeIfAbsent(matcher.group(1), s -> new TreeMap<>())
            .put(matcher.group(2), properties.getProperty(name));
      }
    }
    // jtest writes a host for every service it started; other jtest.x.port properties (the
    // provider's own jtest.coordinator.port) are not services.
    byService.values().removeIf(values -> !values.containsKey("host"));
    return new StartedServices(byService);
  }

  /** The endpoint of {@code service}, if jtest started it. */
  public Optional<ServiceEndpoint> find(String service) {
    Map<String, String> values = byService.get(service);
    return values == null ? Optional.empty() : Optional.of(new Endpoint(service, values));
  }

  /** The names of the services jtest started. */
  public TreeSet<String> names() {
    return new TreeSet<>(byService.keySet());
  }

  private static Path servicesFile() {
    String basedir = System.getProperty("basedir");
    Path base = basedir != null ? Path.of(basedir) : Path.of("").toAbsolutePath();
    return base.resolve("target").resolve("jtest").resolve("services.properties");
  }

  private record Endpoint(String name, Map<String, String> values) implements ServiceEndpoint {

    @Override
    public String host() {
      return values.getOrDefault("host", "127.0.0.1");
    }

    @Override
    public int port() {
      String port = values.get("port");
      if (port == null) {
        throw new IllegalStateException(
            "service '"
                + name
                + "' publishes no port: add one to its 'ports:' in the compose file");
      }
      return Integer.parseInt(port);
    }

    @Override
    public int port(int containerPort) {
      String port = values.get("port." + containerPort);
      if (port == null) {
        throw new IllegalArgumentException(
            "service '"
                + name
                + "' does not publish container port "
                + containerPort
                + " (published: "
                + values.keySet().stream()
                    .filter(k -> k.startsWith("port."))
                    .map(k -> k.substring(5))
                    .toList()
                + ")");
      }
      return Integer.parseInt(port);
    }

    @Override
    public URI url(String path) {
      String base = "http://" + host() + ":" + port();
      if (path == null || path.isEmpty()) {
        return URI.create(base);
      }
      return URI.create(base + (path.startsWith("/") ? path : "/" + path));
    }
  }
}
