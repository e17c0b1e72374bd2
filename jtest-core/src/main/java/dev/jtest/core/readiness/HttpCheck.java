package dev.jtest.core.readiness;

import dev.jtest.settings.EndpointContract;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * A GET on the service's first published port answers 2xx or 3xx. Redirects are not followed: a 3xx
 * already proves the service answers.
 */
record HttpCheck(String path, int containerPort, HttpClient client) implements ReadinessCheck {

  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

  @Override
  public String name() {
    return "http";
  }

  @Override
  public String describe(ProbeTarget target) {
    return "GET "
        + path
        + " on "
        + url(target)
            .map(URI::toString)
            .orElse("container port " + containerPort + " (not published)");
  }

  @Override
  public Probe probe(ProbeTarget target) {
    Optional<URI> url = url(target);
    if (url.isEmpty()) {
      return Probe.notYet("container port " + containerPort + " is not published yet");
    }
    HttpRequest request = HttpRequest.newBuilder(url.get()).timeout(REQUEST_TIMEOUT).GET().build();
    try {
      int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status >= 200 && status < 400
          ? Probe.ready("HTTP " + status)
          : Probe.notYet("HTTP " + status);
    } catch (IOException e) {
      return Probe.notYet(
          e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Probe.notYet("interrupted");
    }
  }

  private Optional<URI> url(ProbeTarget target) {
    return target
        .facts()
        .hostPort(containerPort)
        .map(port -> URI.create(EndpointContract.url(target.host(), port) + path));
  }
}
