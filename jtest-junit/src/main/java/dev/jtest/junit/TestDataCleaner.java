package dev.jtest.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apiguardian.api.API;

/**
 * Finds and removes test data that the compose file's cleaners cannot reach. Implementations are
 * found with {@link java.util.ServiceLoader} on the test class path (list the class in {@code
 * META-INF/services/dev.jtest.junit.TestDataCleaner}) and run by {@code mvn jtest:cleanup} and
 * after the integration tests.
 *
 * <p>{@link #show} returns the names of the records it finds; jtest keeps only those that start
 * with the prefix and passes exactly those to {@link #clean}, so a cleaner can never delete
 * anything else.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface TestDataCleaner {

  /**
   * The names of the test records present now, e.g. {@code "TEST client 3f2a"}. Changes nothing.
   */
  List<String> show(Context context);

  /** Removes the records named in {@code names}, all of which start with the prefix. */
  void clean(Context context, List<String> names);

  /**
   * What a cleaner works with.
   *
   * @param prefix the test-data prefix, {@code "TEST "} by default
   * @param endpoints the services' endpoints
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record Context(String prefix, StartedServices endpoints) {

    /** Built by jtest from the endpoint properties ({@code jtest.<service>.url}, …). */
    public static Context of(String prefix, Map<String, String> endpointProperties) {
      Properties properties = new Properties();
      properties.putAll(endpointProperties);
      return new Context(prefix, StartedServices.of(properties));
    }

    /** The endpoint of {@code service}; fails naming the known services when there is none. */
    public ServiceEndpoint service(String service) {
      return endpoints
          .find(service)
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "no service '"
                          + service
                          + "' (known: "
                          + String.join(", ", endpoints.names())
                          + ")"));
    }
  }
}
