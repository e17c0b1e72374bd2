package dev.jtest.core.engine;

/**
 * What the engine says about itself.
 *
 * @param endpoint where it answered
 * @param serverVersion the engine's version, e.g. {@code 20.10.24}
 * @param apiVersion the API version it speaks, e.g. {@code 1.41}
 * @param minApiVersion the oldest API version it accepts
 * @param os the engine host's operating system and architecture, e.g. {@code linux/amd64}
 * @param kernel the engine host's kernel version
 * @param storageDriver the engine's storage driver, e.g. {@code overlay2}
 * @param podman whether the engine is Podman's Docker-compatible service rather than Docker
 */
public record EngineInfo(
    EngineEndpoint endpoint,
    String serverVersion,
    String apiVersion,
    String minApiVersion,
    String os,
    String kernel,
    String storageDriver,
    boolean podman) {

  /** The engine's name and version for messages: {@code Docker 20.10.24}, {@code Podman 4.3.1}. */
  public String product() {
    return (podman ? "Podman " : "Docker ") + serverVersion;
  }

  /**
   * Whether the engine runs containers' healthchecks itself. Podman runs them only through systemd
   * timers, which its API service started without systemd (in CI containers, on WSL, in sandboxes)
   * never creates: the status stays {@code starting}. jtest then runs each healthcheck itself, the
   * same way on every Podman, so that a run does not depend on how that host was booted.
   */
  public boolean runsHealthchecks() {
    return !podman;
  }

  /**
   * Whether the engine speaks API {@code minimum} ({@code 1.43}) or newer; an engine whose version
   * does not read as MAJOR.MINOR is taken to speak it, and left to say otherwise itself.
   */
  public boolean apiAtLeast(String minimum) {
    if (apiVersion == null) {
      return true;
    }
    try {
      String[] have = apiVersion.split("\\.");
      String[] want = minimum.split("\\.");
      int major = Integer.compare(Integer.parseInt(have[0]), Integer.parseInt(want[0]));
      return major != 0 ? major > 0 : Integer.parseInt(have[1]) >= Integer.parseInt(want[1]);
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      return true;
    }
  }
}
