package dev.jtest.core.services;

import dev.jtest.core.compose.PortSpec;
import dev.jtest.core.compose.ServiceSpec;
import dev.jtest.settings.EndpointContract;
import dev.jtest.settings.EndpointContract.PublishedPort;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The endpoints tests use, as properties ({@link EndpointContract}): {@code jtest.<service>.host},
 * {@code .port} (the service's first published TCP port), {@code .port.<containerPort>}, {@code
 * .url}.
 */
public final class Endpoints {

  public static final String HOST = EndpointContract.HOST;

  private Endpoints() {}

  /**
   * The properties of one service.
   *
   * @param hostPorts host ports by container port, as the engine bound them; ports jtest publishes
   *     itself (a coverage agent's) are not among the service's {@code ports} and never count as
   *     the first
   */
  public static Map<String, String> of(ServiceSpec service, Map<Integer, Integer> hostPorts) {
    return of(service, HOST, hostPorts);
  }

  /**
   * The properties of one service whose ports are reached at {@code host}.
   *
   * @param hostPorts as for {@link #of(ServiceSpec, Map)}
   */
  public static Map<String, String> of(
      ServiceSpec service, String host, Map<Integer, Integer> hostPorts) {
    List<PublishedPort> published = new ArrayList<>();
    for (PortSpec port : service.ports()) {
      Integer hostPort = hostPorts.get(port.containerPort());
      if (hostPort != null) {
        published.add(new PublishedPort(port.containerPort(), port.protocol(), hostPort));
      }
    }
    return EndpointContract.properties(service.name(), host, published);
  }

  /**
   * Writes {@code properties} sorted, as jtest's {@value EndpointContract#SERVICES_FILE}.
   *
   * @throws StackFileException naming the file when it cannot be written
   */
  public static void write(Map<String, String> properties, Path file) {
    try {
      Files.createDirectories(file.getParent());
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
        out.write("# Endpoints of the services jtest started; read by tests and by jtest-junit.\n");
        for (Map.Entry<String, String> entry : new TreeMap<>(properties).entrySet()) {
          out.write(entry.getKey() + "=" + entry.getValue() + "\n");
        }
      }
    } catch (IOException e) {
      throw new StackFileException(file, e);
    }
  }
}
