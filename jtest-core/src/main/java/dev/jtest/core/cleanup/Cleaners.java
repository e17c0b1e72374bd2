package dev.jtest.core.cleanup;

import dev.jtest.core.ConfigurationException;
import dev.jtest.core.compose.ComposeModel;
import dev.jtest.core.compose.JtestExtension;
import dev.jtest.core.compose.ServiceSpec;
import dev.jtest.core.diagnostics.Secrets;
import dev.jtest.core.engine.Engine;
import dev.jtest.settings.EndpointContract;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Builds the cleaners that the compose file declares under {@code x-jtest.cleanup}. */
public final class Cleaners {

  private Cleaners() {}

  /** Whether any service of {@code model} declares a cleaner. */
  public static boolean declared(ComposeModel model) {
    return model.services().values().stream()
        .anyMatch(
            s -> s.extension().get(JtestExtension.CLEANUP) instanceof List<?> l && !l.isEmpty());
  }

  /**
   * The declared cleaners of the running services.
   *
   * @param containers container ids by service
   * @param endpoints the endpoint properties ({@code jtest.<service>.url}, …)
   * @throws ConfigurationException for an entry that is neither show/clean nor http
   */
  public static List<Cleaner> of(
      ComposeModel model,
      Engine engine,
      Map<String, String> containers,
      Map<String, String> endpoints) {
    List<Cleaner> cleaners = new ArrayList<>();
    for (ServiceSpec service : model.services().values()) {
      Object declared = service.extension().get(JtestExtension.CLEANUP);
      if (declared == null) {
        continue;
      }
      if (!(declared instanceof List<?> entries)) {
        throw new ConfigurationException(
            service.location()
                + ": service '"
                + service.name()
                + "': x-jtest.cleanup must be a list of cleaners");
      }
      UnaryOperator<String> mask = masker(service);
      for (int i = 0; i < entries.size(); i++) {
        String id = service.name() + "#" + (i + 1);
        if (!(entries.get(i) instanceof Map<?, ?> entry)) {
          throw new ConfigurationException(
              service.location()
                  + ": cleaner "
                  + id
                  + " must be a mapping with show/clean or http");
        }
        if (entry.get("http") instanceof Map<?, ?> http) {
          String url = endpoints.get(EndpointContract.urlKey(service.name()));
          if (url == null) {
            throw new ConfigurationException(
                service.location()
                    + ": cleaner "
                    + id
                    + " talks HTTP, but service '"
                    + service.name()
                    + "' publishes no port: add one to its 'ports:'");
          }
          for (String key : List.of("list", "name", "delete")) {
            if (http.get(key) == null) {
              throw new ConfigurationException(
                  service.location()
                      + ": cleaner "
                      + id
                      + ": http needs '"
                      + key
                      + "' (list: GET path of a JSON array, name: JSON pointer to the name, delete: DELETE path with {field}s)");
            }
          }
          cleaners.add(
              new HttpCleaner(
                  id,
                  URI.create(url),
                  String.valueOf(http.get("list")),
                  String.valueOf(http.get("name")),
                  String.valueOf(http.get("delete")),
                  headers(http.get("headers"), service, id)));
        } else if (entry.containsKey("show") || entry.containsKey("clean")) {
          String container = containers.get(service.name());
          if (container == null) {
            throw new ConfigurationException(
                "cleaner " + id + ": service '" + service.name() + "' is not running");
          }
          cleaners.add(
              new ExecCleaner(
                  id,
                  engine,
                  container,
                  command(entry.get("show")),
                  command(entry.get("clean")),
                  mask));
        } else {
          throw new ConfigurationException(
              service.location()
                  + ": cleaner "
                  + id
                  + " has neither show/clean commands nor http: add one of them");
        }
      }
    }
    return cleaners;
  }

  private static Map<String, String> headers(Object value, ServiceSpec service, String id) {
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new ConfigurationException(
          service.location()
              + ": cleaner "
              + id
              + ": http.headers must be a mapping of header names to values, e.g."
              + " {Authorization: \"Bearer ${ADMIN_TOKEN}\"}");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    map.forEach((name, header) -> headers.put(String.valueOf(name), String.valueOf(header)));
    return headers;
  }

  private static List<String> command(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return List.of("sh", "-c", String.valueOf(value));
  }

  /** Replaces the values of the service's secret environment entries in anything printed. */
  static UnaryOperator<String> masker(ServiceSpec service) {
    List<String> secrets =
        service.environment().entrySet().stream()
            .filter(
                e ->
                    Secrets.isSecret(e.getKey())
                        && e.getValue() != null
                        && e.getValue().length() >= 4)
            .map(Map.Entry::getValue)
            .toList();
    return text -> {
      String masked = text;
      for (String secret : secrets) {
        masked = masked.replace(secret, "****");
      }
      return masked;
    };
  }
}
