package dev.jtest.core.services;

import dev.jtest.core.compose.PortSpec;
import dev.jtest.core.compose.ServiceSpec;
import dev.jtest.core.engine.ContainerFacts;
import dev.jtest.core.engine.ContainerFile;
import dev.jtest.core.engine.ImageConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Work around each service's life that is not the stack's own, such as coverage: it may change a
 * container before it is created, and act before and after its graceful stop. The stack calls these
 * on every path that removes a service: a normal stop, a failed start, and Ctrl-C.
 */
public interface ServiceHooks {

  /** No extra work. */
  ServiceHooks NONE = new ServiceHooks() {};

  /**
   * What to add to a service's container.
   *
   * @param image what the service's image runs by default
   */
  default Adjustment prepare(ServiceSpec service, ImageConfig image) {
    return Adjustment.NONE;
  }

  /** The service is ready. */
  default void ready(ServiceRuntime service) {}

  /** The service is about to be stopped gracefully; its container still runs. */
  default void beforeStop(ServiceRuntime service) {}

  /**
   * The service has stopped (gracefully or not) and its container still exists.
   *
   * @param facts the stopped container, if it could be inspected
   */
  default void afterStop(ServiceRuntime service, Optional<ContainerFacts> facts) {}

  /** Every service was stopped. */
  default void stopped() {}

  /**
   * Changes to a container.
   *
   * @param environment entries that replace the service's own
   * @param ports ports to publish besides the service's; never counted as its first port
   * @param files files to put into the container before it starts
   */
  record Adjustment(
      Map<String, String> environment, List<PortSpec> ports, List<ContainerFile> files) {
    public static final Adjustment NONE = new Adjustment(Map.of(), List.of(), List.of());
  }
}
