package dev.jtest.core.services;

import dev.jtest.core.ConfigurationException;
import dev.jtest.core.compose.PortSpec;
import dev.jtest.core.compose.ServiceSpec;
import dev.jtest.core.engine.ContainerFacts;
import dev.jtest.core.engine.PublishAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The host ports the engine bound for a service: read from its facts, shown, and diagnosed. */
final class PublishedPorts {

  private PublishedPorts() {}

  /** Host ports by container port, TCP only (what tests connect to). */
  static Map<Integer, Integer> byContainerPort(ContainerFacts facts) {
    Map<Integer, Integer> ports = new LinkedHashMap<>();
    facts
        .ports()
        .forEach(
            (key, host) -> {
              if (key.endsWith("/tcp")) {
                ports.put(Integer.parseInt(key.substring(0, key.indexOf('/'))), host);
              }
            });
    return ports;
  }

  /**
   * The service's published ports as the started line shows them ({@code " on
   * 127.0.0.1:49153->8080"}), or {@code ""} when it publishes none.
   */
  static String describe(ServiceSpec spec, Map<Integer, Integer> hostPorts) {
    return describe(spec, PublishAddress.LOCAL, hostPorts);
  }

  /** As {@link #describe(ServiceSpec, Map)}, each port at the address tests reach it on. */
  static String describe(
      ServiceSpec spec, PublishAddress address, Map<Integer, Integer> hostPorts) {
    List<String> shown = new ArrayList<>();
    for (PortSpec port : spec.ports()) {
      Integer host = hostPorts.get(port.containerPort());
      if (host != null) {
        shown.add(address.shown(port.hostIp()) + ":" + host + "->" + port.containerPort());
      }
    }
    return shown.isEmpty() ? "" : " on " + String.join(", ", shown);
  }

  /**
   * The failure of a service that could not start because a host port is taken: names the fixed
   * port the engine's message names (else the service's first fixed one) and where the compose file
   * declares it, and how to get a free port instead.
   */
  static ConfigurationException conflict(ServiceSpec spec, String engineMessage) {
    PortSpec fixed =
        spec.ports().stream()
            .filter(p -> p.hostPort() != null)
            .filter(p -> engineMessage.contains(":" + p.hostPort()))
            .findFirst()
            .orElse(
                spec.ports().stream().filter(p -> p.hostPort() != null).findFirst().orElse(null));
    String which =
        fixed == null
            ? "a fixed host port"
            : "host port "
                + fixed.hostIp()
                + ":"
                + fixed.hostPort()
                + " ("
                + fixed.location()
                + ")";
    return new ConfigurationException(
        "service '"
            + spec.name()
            + "': "
            + which
            + " is already in use: stop what uses it, or publish the port without a host port ('"
            + (fixed == null ? "8080" : fixed.containerPort())
            + "') to get a random free one. Engine: "
            + engineMessage);
  }
}
