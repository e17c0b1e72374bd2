package dev.jtest.core.readiness;

import dev.jtest.core.compose.HealthSpec;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** Factories for the readiness checks. */
public final class Wait {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(1))
          .followRedirects(HttpClient.Redirect.NEVER)
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  private Wait() {}

  /** The engine reports the container healthy. */
  public static ReadinessCheck forHealthcheck() {
    return new HealthcheckCheck();
  }

  /**
   * The container's healthcheck {@code health}, run by jtest itself, for an engine that does not
   * run healthchecks; one per wait, as it counts the failing streak.
   */
  public static ReadinessCheck byRunningHealthcheck(HealthSpec health) {
    return new HealthcheckRun(health);
  }

  /** GET {@code path} on the host port that publishes {@code containerPort} answers 2xx or 3xx. */
  public static ReadinessCheck forHttp(String path, int containerPort) {
    return new HttpCheck(path, containerPort, HTTP);
  }

  /** {@code containerPort} accepts TCP connections. */
  public static ReadinessCheck forTcp(int containerPort) {
    return new TcpCheck(containerPort);
  }

  /** A line of the container's output matches {@code pattern}. */
  public static ReadinessCheck forLog(Pattern pattern) {
    return new LogCheck(pattern);
  }

  /** {@code command}, run in the container, exits with 0. */
  public static ReadinessCheck forCommand(List<String> command) {
    return new CommandCheck(List.copyOf(command));
  }
}
