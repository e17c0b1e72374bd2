package dev.jtest.core.engine;

import dev.jtest.core.compose.PortSpec;
import java.util.Locale;

/**
 * Where the engine binds the services' published ports, and where the tests and jtest reach them.
 * Pure: decided from the engine's address and {@code jtest.bindAddress}.
 *
 * <ul>
 *   <li>A local engine (a socket): loopback, so that nothing outside this machine reaches the
 *       services.
 *   <li>An engine over TCP whose host is a loopback address (an engine on this machine): that
 *       address, for the same reason.
 *   <li>Any other engine over TCP: every interface of the engine's machine (what the engine makes
 *       of an empty host address), reached at the engine's host name. Loopback on a remote machine
 *       would be out of the tests' reach; the price is that whoever reaches that machine reaches
 *       the services too (docs/engines.md).
 *   <li>{@code jtest.bindAddress} overrides the binding; the tests connect to it, or to the
 *       engine's host when it names every interface.
 * </ul>
 *
 * @param bindIp the host address to bind, or {@code ""} for every interface
 * @param host the address or host name that tests connect to
 */
public record PublishAddress(String bindIp, String host) {

  /** Where a compose file's ports bind unless it names an address. */
  public static final String LOOPBACK = PortSpec.LOOPBACK;

  /** A local engine's: bound to and reached at loopback. */
  public static final PublishAddress LOCAL = new PublishAddress(LOOPBACK, LOOPBACK);

  /**
   * The address for the engine at {@code endpoint}.
   *
   * @param bindAddress {@code jtest.bindAddress}, an IP address, or {@code null} when unset
   */
  public static PublishAddress of(EngineEndpoint endpoint, String bindAddress) {
    String engineHost = endpoint.remote() ? unbracketed(endpoint.uri().getHost()) : null;
    String host = engineHost == null ? LOOPBACK : engineHost;
    if (bindAddress != null && !bindAddress.isBlank()) {
      String ip = bindAddress.trim();
      return new PublishAddress(ip, isWildcard(ip) ? host : ip);
    }
    if (engineHost == null) {
      return LOCAL;
    }
    if (isLoopback(engineHost)) {
      String ip = "localhost".equalsIgnoreCase(engineHost) ? LOOPBACK : engineHost;
      return new PublishAddress(ip, ip);
    }
    return new PublishAddress("", engineHost);
  }

  /**
   * The address to bind a port to whose compose entry says {@code fileIp}: the loopback default
   * moves to {@link #bindIp}, since loopback on another machine is out of the tests' reach; an
   * address the file names otherwise stays.
   */
  public String bind(String fileIp) {
    return LOOPBACK.equals(fileIp) ? bindIp : fileIp;
  }

  /** How a port bound for {@code fileIp} is shown: the address the tests use for it. */
  public String shown(String fileIp) {
    String bound = bind(fileIp);
    return bound.isEmpty() || isWildcard(bound) ? host : bound;
  }

  private static boolean isWildcard(String ip) {
    return ip.equals("0.0.0.0") || ip.equals("::") || ip.equals("[::]");
  }

  private static boolean isLoopback(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    return name.equals("localhost") || name.startsWith("127.") || name.equals("::1");
  }

  private static String unbracketed(String host) {
    return host != null && host.startsWith("[") && host.endsWith("]")
        ? host.substring(1, host.length() - 1)
        : host;
  }
}
