package dev.jtest.core.services;

import dev.jtest.core.compose.PortSpec;
import dev.jtest.core.compose.ServiceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The endpoints tests use, as properties: {@code jtest.<service>.host}, {@code .port} (the first
 * port the compose file publishes), {@code .port.<containerPort>}, {@code .url}.
 */
public final class Endpoints {

  public static final String HOST = "127.0.0.1";

  private Endpoints() {}

  /**
   * The properties of one service.
   *
   * @param hostPorts host ports by container port, as the engine bound them; ports jtest publishes
   *     itself (a coverage agent's) are not among the service's {@code ports} and never count as
   *     the first
   */
  public static Map<String, String> of(ServiceSpec service, Map<Integer, Integer> hostPorts) {
    Map<String, String> properties = new TreeMap<>();
    String prefix = "jtest." + service.name() + ".";
    properties.put(prefix + "host", HOST);
    boolean first = true;
    for (PortSpec port : service.ports()) {
      Integer host = hostPorts.get(port.containerPort());
      if (host == null || !"tcp".equals(port.protocol())) {
        continue;
      }
      properties.put(prefix + "port." + port.containerPort(), host.toString());
      if (first) {
        properties.put(prefix + "port", host.toString());
        properties.put(prefix + "url", "http://" + HOST + ":" + host);
        first = false;
      }
    }
    return properties;
  }

  /** Writes {@code properties} sorted, as {@code target/jtest/services.properties}. */
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
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
