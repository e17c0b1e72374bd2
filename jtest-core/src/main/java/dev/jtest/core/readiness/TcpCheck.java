package dev.jtest.core.readiness;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Optional;

/**
 * A container port accepts TCP connections.
 *
 * <p>Docker's port proxy accepts a connection on the published port even when nothing listens in
 * the container, then closes it. So after connecting, the check reads briefly: an immediate end of
 * stream means the proxy found no listener; a pending read (or data) means a real one accepted. A
 * port that is not published is probed on the container's own address on its network, which only an
 * engine on this machine makes reachable.
 */
record TcpCheck(int containerPort) implements ReadinessCheck {

  static final int CONNECT_TIMEOUT_MS = 500;
  static final int PROXY_GRACE_MS = 50;

  @Override
  public String name() {
    return "tcp";
  }

  @Override
  public String describe(ProbeTarget target) {
    return "TCP connect to "
        + address(target)
            .map(a -> a.getHostString() + ":" + a.getPort())
            .orElse("port " + containerPort);
  }

  @Override
  public Probe probe(ProbeTarget target) {
    Optional<InetSocketAddress> address = address(target);
    if (address.isEmpty()) {
      return Probe.notYet("no address for container port " + containerPort + " yet");
    }
    try (Socket socket = new Socket()) {
      socket.connect(address.get(), CONNECT_TIMEOUT_MS);
      socket.setSoTimeout(PROXY_GRACE_MS);
      try (InputStream in = socket.getInputStream()) {
        int first = in.read();
        return first < 0
            ? Probe.notYet("connection closed at once (nothing listens behind the port)")
            : Probe.ready("accepted, sent data");
      } catch (SocketTimeoutException e) {
        return Probe.ready("accepted");
      }
    } catch (IOException e) {
      return Probe.notYet(
          e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }

  private Optional<InetSocketAddress> address(ProbeTarget target) {
    Optional<Integer> published = target.facts().hostPort(containerPort);
    if (published.isPresent()) {
      return Optional.of(new InetSocketAddress(target.host(), published.get()));
    }
    return target.facts().addresses().values().stream()
        .filter(ip -> ip != null && !ip.isBlank())
        .findFirst()
        .map(ip -> new InetSocketAddress(ip, containerPort));
  }
}
