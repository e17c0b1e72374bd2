package dev.jtest.settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How tests find the services jtest started: for each service, {@code jtest.<service>.host}
 * ({@value #HOST} on a local engine; a remote engine's host, or {@code jtest.bindAddress}), {@code
 * jtest.<service>.port} (its first port, see below), {@code jtest.<service>.port.<containerPort>}
 * (each published TCP port) and {@code jtest.<service>.url} ({@code http://<host>:<port>}). They
 * are Maven project properties after {@code jtest:start}, system properties in the Surefire and
 * Failsafe forks, and the lines of {@value #SERVICES_FILE} in jtest's work directory ({@link
 * Settings#workDirectory}).
 *
 * <p>The first-port rule: a service's port is the first {@value #PROTOCOL} port its compose file
 * publishes, in file order. A UDP port has no endpoint property (neither a URL nor a connection can
 * use it), so a UDP port listed first does not make the service's port; ports jtest publishes for
 * itself (a coverage agent's) are never among the compose file's.
 */
public final class EndpointContract {

  /**
   * The host of every endpoint on a local engine: ports bind to the loopback address unless the
   * file or {@code jtest.bindAddress} names another.
   */
  public static final String HOST = "127.0.0.1";

  /** The protocol of the ports that have endpoint properties. */
  public static final String PROTOCOL = "tcp";

  /** The file in jtest's work directory that holds every endpoint property. */
  public static final String SERVICES_FILE = "services.properties";

  private static final String HOST_FIELD = "host";
  private static final String PORT_FIELD = "port";
  private static final String URL_FIELD = "url";

  private static final Pattern KEY =
      Pattern.compile(
          Pattern.quote(Keys.PREFIX)
              + "([^.]+)\\.("
              + HOST_FIELD
              + "|"
              + PORT_FIELD
              + "|"
              + URL_FIELD
              + "|"
              + PORT_FIELD
              + "\\.\\d+)");

  /**
   * A port the engine published for a service.
   *
   * @param protocol {@code tcp} or {@code udp}
   */
  public record PublishedPort(int containerPort, String protocol, int hostPort) {}

  /**
   * The endpoint properties of one service, as read back.
   *
   * @param fields {@code host}, {@code port}, {@code port.<containerPort>}, {@code url}, sorted
   */
  public record ServiceProperties(String service, Map<String, String> fields) {

    public ServiceProperties {
      fields = Map.copyOf(fields);
    }

    public String host() {
      return fields.getOrDefault(HOST_FIELD, HOST);
    }

    /** The service's first port, if it publishes one. */
    public Optional<String> port() {
      return Optional.ofNullable(fields.get(PORT_FIELD));
    }

    /** The host port of {@code containerPort}, if the service publishes it. */
    public Optional<String> port(int containerPort) {
      return Optional.ofNullable(fields.get(PORT_FIELD + "." + containerPort));
    }

    /** The published container ports, in the order of their property names. */
    public List<String> containerPorts() {
      return new TreeMap<>(fields)
          .keySet().stream()
              .filter(k -> k.startsWith(PORT_FIELD + "."))
              .map(k -> k.substring(PORT_FIELD.length() + 1))
              .toList();
    }
  }

  private EndpointContract() {}

  /** Whether a port of {@code protocol} can be a service's endpoint. */
  public static boolean hasEndpoint(String protocol) {
    return PROTOCOL.equals(protocol);
  }

  /**
   * The service's port by the first-port rule: the first of {@code ports} (in file order) whose
   * protocol {@link #hasEndpoint has an endpoint}.
   */
  public static <P> Optional<P> firstPort(List<P> ports, Function<P, String> protocol) {
    return ports.stream().filter(p -> hasEndpoint(protocol.apply(p))).findFirst();
  }

  /**
   * The endpoint properties of one service on a local engine, reached at {@value #HOST}.
   *
   * @param ports the ports the engine published, in the compose file's order
   */
  public static Map<String, String> properties(String service, List<PublishedPort> ports) {
    return properties(service, HOST, ports);
  }

  /**
   * The endpoint properties of one service.
   *
   * @param host where the tests reach its published ports: an address or a host name
   * @param ports the ports the engine published, in the compose file's order
   */
  public static Map<String, String> properties(
      String service, String host, List<PublishedPort> ports) {
    Map<String, String> properties = new TreeMap<>();
    properties.put(key(service, HOST_FIELD), host);
    firstPort(ports, PublishedPort::protocol)
        .ifPresent(
            first -> {
              properties.put(key(service, PORT_FIELD), Integer.toString(first.hostPort()));
              properties.put(key(service, URL_FIELD), url(host, first.hostPort()));
            });
    for (PublishedPort port : ports) {
      if (hasEndpoint(port.protocol())) {
        properties.put(
            key(service, PORT_FIELD + "." + port.containerPort()),
            Integer.toString(port.hostPort()));
      }
    }
    return properties;
  }

  /** The name of the property that holds the URL of {@code service}. */
  public static String urlKey(String service) {
    return key(service, URL_FIELD);
  }

  /** The URL of an endpoint: {@code http://host:port}, an IPv6 address in brackets. */
  public static String url(String host, int port) {
    return "http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  /** Whether {@code name} has the form of an endpoint property. */
  public static boolean isEndpointKey(String name) {
    return KEY.matcher(name).matches();
  }

  /**
   * The services that {@code properties} has endpoints for, by name. jtest writes a host for every
   * service it started; a property that only looks like an endpoint (the provider's own {@code
   * jtest.coordinator.port}) names no service.
   */
  public static Map<String, ServiceProperties> services(Map<String, String> properties) {
    Map<String, Map<String, String>> byService = new TreeMap<>();
    properties.forEach(
        (name, value) -> {
          Matcher matcher = KEY.matcher(name);
          if (matcher.matches()) {
            byService
                .computeIfAbsent(matcher.group(1), s -> new TreeMap<>())
                .put(matcher.group(2), value);
          }
        });
    Map<String, ServiceProperties> services = new TreeMap<>();
    byService.forEach(
        (service, fields) -> {
          if (fields.containsKey(HOST_FIELD)) {
            services.put(service, new ServiceProperties(service, fields));
          }
        });
    return services;
  }

  /** The endpoints file of a work directory. */
  public static Path servicesFile(Path workDirectory) {
    return workDirectory.resolve(SERVICES_FILE);
  }

  private static String key(String service, String field) {
    return Keys.PREFIX + service + "." + field;
  }
}
