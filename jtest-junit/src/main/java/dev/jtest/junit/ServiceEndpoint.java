package dev.jtest.junit;

import static org.apiguardian.api.API.Status.STABLE;

import java.net.URI;
import org.apiguardian.api.API;

/** Where a service answers, as seen from the tests: loopback, or a remote engine's host. */
@API(status = STABLE, since = "0.1")
public interface ServiceEndpoint {

  /** The service's name in the compose file. */
  String name();

  /** The host to connect to: {@code 127.0.0.1}, or a remote engine's host (docs/engines.md). */
  String host();

  /**
   * The host port of the first port the compose file publishes.
   *
   * @throws IllegalStateException when the service publishes no port
   */
  int port();

  /**
   * The host port that publishes {@code containerPort}.
   *
   * @throws IllegalArgumentException when the service does not publish that port
   */
  int port(int containerPort);

  /**
   * {@code http://host:port} of the first published port joined with {@code path} by exactly one
   * {@code /}: {@code url("health")} and {@code url("/health")} are the same.
   */
  URI url(String path);

  /** {@code http://host:port} of the first published port, without a trailing slash. */
  default URI url() {
    return url("");
  }
}
