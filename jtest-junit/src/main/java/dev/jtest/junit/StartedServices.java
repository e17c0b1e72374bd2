package dev.jtest.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.jtest.settings.EndpointContract;
import dev.jtest.settings.EndpointContract.ServiceProperties;
import dev.jtest.settings.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * The endpoints of the services jtest started, read from the system properties that jtest hands to
 * the test JVM ({@code jtest.<service>.host}, {@code .port}, {@code .port.<n>}, {@code .url}), or
 * else from {@code services.properties} in jtest's directory of the build ({@code
 * target/jtest/services.properties} by default; for a test run from an IDE against a stack kept
 * with {@code -Djtest.keepRunning}).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class StartedServices {

  private final Map<String, ServiceProperties> byService;

  private StartedServices(Map<String, ServiceProperties> byService) {
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
    Map<String, String> names = new HashMap<>();
    for (String name : properties.stringPropertyNames()) {
      names.put(name, properties.getProperty(name));
    }
    return new StartedServices(EndpointContract.services(names));
  }

  /** The endpoint of {@code service}, if jtest started it. */
  public Optional<ServiceEndpoint> find(String service) {
    return Optional.ofNullable(byService.get(service)).map(Endpoint::new);
  }

  /** The names of the services jtest started. */
  public TreeSet<String> names() {
    return new TreeSet<>(byService.keySet());
  }

  /**
   * The endpoints file of this build: in the build directory the build extension names, else in
   * {@code target} of the project directory (Surefire's {@code basedir}, else the working one).
   */
  private static Path servicesFile() {
    String basedir = System.getProperty("basedir");
    Path base = basedir != null ? Path.of(basedir) : Path.of("").toAbsolutePath();
    return EndpointContract.servicesFile(Settings.workDirectory(base, System::getProperty));
  }

  private record Endpoint(ServiceProperties properties) implements ServiceEndpoint {

    @Override
    public String name() {
      return properties.service();
    }

    @Override
    public String host() {
      return properties.host();
    }

    @Override
    public int port() {
      return Integer.parseInt(
          properties
              .port()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "service '"
                              + properties.service()
                              + "' publishes no port: add one to its 'ports:' in the compose"
                              + " file")));
    }

    @Override
    public int port(int containerPort) {
      return Integer.parseInt(
          properties
              .port(containerPort)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "service '"
                              + properties.service()
                              + "' does not publish container port "
                              + containerPort
                              + " (published: "
                              + properties.containerPorts()
                              + ")")));
    }

    @Override
    public URI url(String path) {
      String base = EndpointContract.url(host(), port());
      if (path == null || path.isEmpty()) {
        return URI.create(base);
      }
      return URI.create(base + (path.startsWith("/") ? path : "/" + path));
    }
  }
}
