package dev.jtest.core.compose;

import dev.jtest.core.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compose's {@code ports:} entries, short ({@code "8080"}, {@code "9000:8080"}, {@code
 * "127.0.0.1:9000:8080/udp"}, ranges {@code "9000-9001:8080-8081"}) and long ({@code target},
 * {@code published}, {@code host_ip}, {@code protocol}). Unlike compose, a port without an address
 * binds to 127.0.0.1: tests reach it from this machine only.
 */
final class PortParser {

  private PortParser() {}

  static List<PortSpec> parse(Object entry, Location location, String service) {
    if (entry instanceof Map<?, ?> map) {
      return List.of(parseLong(map, location, service));
    }
    String spec = String.valueOf(entry).trim();
    String protocol = "tcp";
    int slash = spec.lastIndexOf('/');
    if (slash >= 0) {
      protocol = spec.substring(slash + 1).toLowerCase(Locale.ROOT);
      spec = spec.substring(0, slash);
      if (!protocol.equals("tcp") && !protocol.equals("udp")) {
        throw bad(entry, location, service, "protocol '" + protocol + "' is neither tcp nor udp");
      }
    }
    String hostIp = PortSpec.LOOPBACK;
    String hostPart = "";
    String containerPart;
    if (spec.startsWith("[")) {
      int close = spec.indexOf(']');
      if (close < 0 || close + 1 >= spec.length() || spec.charAt(close + 1) != ':') {
        throw bad(entry, location, service, "unclosed IPv6 address");
      }
      hostIp = spec.substring(1, close);
      spec = spec.substring(close + 2);
      int colon = spec.lastIndexOf(':');
      if (colon < 0) {
        throw bad(entry, location, service, "no container port after the address");
      }
      hostPart = spec.substring(0, colon);
      containerPart = spec.substring(colon + 1);
    } else {
      String[] parts = spec.split(":", -1);
      switch (parts.length) {
        case 1 -> containerPart = parts[0];
        case 2 -> {
          hostPart = parts[0];
          containerPart = parts[1];
        }
        case 3 -> {
          hostIp = parts[0].isEmpty() ? PortSpec.LOOPBACK : parts[0];
          hostPart = parts[1];
          containerPart = parts[2];
        }
        default -> throw bad(entry, location, service, "too many ':'");
      }
    }
    int[] containers = range(containerPart, entry, location, service);
    int[] hosts = hostPart.isEmpty() ? null : range(hostPart, entry, location, service);
    if (hosts != null && hosts.length != containers.length) {
      throw bad(entry, location, service, "host and container ranges differ in length");
    }
    List<PortSpec> ports = new ArrayList<>();
    for (int i = 0; i < containers.length; i++) {
      ports.add(
          new PortSpec(hostIp, hosts == null ? null : hosts[i], containers[i], protocol, location));
    }
    return ports;
  }

  private static PortSpec parseLong(Map<?, ?> map, Location location, String service) {
    Object target = map.get("target");
    if (target == null) {
      throw bad(map, location, service, "the long syntax needs 'target'");
    }
    int container = number(String.valueOf(target), map, location, service);
    Object published = map.get("published");
    Integer host =
        published == null || String.valueOf(published).isBlank()
            ? null
            : number(String.valueOf(published), map, location, service);
    Object ip = map.get("host_ip");
    Object protocol = map.get("protocol");
    return new PortSpec(
        ip == null ? PortSpec.LOOPBACK : String.valueOf(ip),
        host,
        container,
        protocol == null ? "tcp" : String.valueOf(protocol).toLowerCase(Locale.ROOT),
        location);
  }

  private static int[] range(String text, Object entry, Location location, String service) {
    int dash = text.indexOf('-');
    if (dash < 0) {
      return new int[] {number(text, entry, location, service)};
    }
    int from = number(text.substring(0, dash), entry, location, service);
    int to = number(text.substring(dash + 1), entry, location, service);
    if (to < from) {
      throw bad(entry, location, service, "range " + text + " runs backwards");
    }
    int[] ports = new int[to - from + 1];
    for (int i = 0; i < ports.length; i++) {
      ports[i] = from + i;
    }
    return ports;
  }

  private static int number(String text, Object entry, Location location, String service) {
    try {
      int port = Integer.parseInt(text.trim());
      if (port < 1 || port > 65535) {
        throw bad(entry, location, service, port + " is outside 1..65535");
      }
      return port;
    } catch (NumberFormatException e) {
      throw bad(entry, location, service, "'" + text + "' is not a port number");
    }
  }

  private static ConfigurationException bad(
      Object entry, Location location, String service, String reason) {
    return new ConfigurationException(
        location
            + ": service '"
            + service
            + "': port '"
            + entry
            + "' is not a port spec ("
            + reason
            + "): use 'CONTAINER', 'HOST:CONTAINER' or 'IP:HOST:CONTAINER', e.g. '8080' for a random"
            + " host port");
  }
}
