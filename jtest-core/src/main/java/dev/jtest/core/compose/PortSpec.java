package dev.jtest.core.compose;

/**
 * A published port.
 *
 * @param hostIp the address to bind on the host: {@code 127.0.0.1} unless the file names one
 * @param hostPort the fixed host port, or {@code null} for a random free one
 * @param containerPort the port inside the container
 * @param protocol {@code tcp} or {@code udp}
 * @param location where the file declares it
 */
public record PortSpec(
    String hostIp, Integer hostPort, int containerPort, String protocol, Location location) {

  public static final String LOOPBACK = "127.0.0.1";
}
