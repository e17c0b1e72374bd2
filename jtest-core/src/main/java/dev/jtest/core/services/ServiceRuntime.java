package dev.jtest.core.services;

import dev.jtest.core.compose.ServiceSpec;
import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** One service of a running stack: its container, log, timings and progress. */
public final class ServiceRuntime {

  private final ServiceSpec spec;
  private final ServiceLog log;
  final CompletableFuture<Void> started = new CompletableFuture<>();
  final CompletableFuture<Void> ready = new CompletableFuture<>();
  volatile String containerId;
  volatile String containerName;
  volatile String imageId;
  volatile Instant created;
  volatile Instant startedAt;
  volatile Instant readyAt;
  volatile Closeable follower;
  volatile Map<Integer, Integer> hostPorts = Map.of();
  final Map<String, Instant> conditions = Collections.synchronizedMap(new LinkedHashMap<>());

  ServiceRuntime(ServiceSpec spec, ServiceLog log) {
    this.spec = spec;
    this.log = log;
  }

  public ServiceSpec spec() {
    return spec;
  }

  public String name() {
    return spec.name();
  }

  public ServiceLog log() {
    return log;
  }

  /** The container's id, or {@code null} before it is created. */
  public String containerId() {
    return containerId;
  }

  /** Host ports by container port. */
  public Map<Integer, Integer> hostPorts() {
    return hostPorts;
  }

  void closeFollower() {
    Closeable current = follower;
    if (current != null) {
      try {
        current.close();
      } catch (IOException e) {
        // The stream is gone with the container; nothing left to release.
      }
    }
  }
}
