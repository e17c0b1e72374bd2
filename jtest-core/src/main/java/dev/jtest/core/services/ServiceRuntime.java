package dev.jtest.core.services;

import dev.jtest.core.compose.ServiceSpec;
import dev.jtest.core.engine.ContainerFacts;
import dev.jtest.core.engine.ContainerFile;
import dev.jtest.core.engine.ContainerRequest;
import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One service of a running stack: its container, log, timings and progress.
 *
 * <p>Its state changes only through its own methods, each of which records one step of the
 * service's life; they are called from the stack's worker threads while other threads read, so
 * every field is either final or volatile, and each step is published before the future that
 * announces it completes.
 */
public final class ServiceRuntime {

  private final ServiceSpec spec;
  private final ServiceLog log;
  private final String host;
  private final CompletableFuture<Void> started = new CompletableFuture<>();
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private volatile String containerId;
  private volatile String containerName;
  private volatile String imageId;
  private volatile Instant created;
  private volatile Instant starting;
  private volatile Instant startedAt;
  private volatile Instant readyAt;
  private volatile Closeable follower;
  private volatile ContainerFacts facts;
  private volatile Map<Integer, Integer> hostPorts = Map.of();
  private volatile Map<String, Instant> conditions = Map.of();
  private volatile ContainerRequest request;
  private volatile List<ContainerFile> copiedFiles = List.of();

  ServiceRuntime(ServiceSpec spec, ServiceLog log, String host) {
    this.spec = spec;
    this.log = log;
    this.host = host;
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

  /**
   * Where its published ports are reached: loopback for a local engine, the engine's host (or
   * {@code jtest.bindAddress}) for a remote one.
   */
  public String host() {
    return host;
  }

  /** Host ports by container port. */
  public Map<Integer, Integer> hostPorts() {
    return hostPorts;
  }

  /** The container's name, or {@code null} before it is created. */
  String containerName() {
    return containerName;
  }

  /** The id of the image the service runs, or {@code null} before it is resolved. */
  String imageId() {
    return imageId;
  }

  /** When its container was created, or {@code null}. */
  Instant created() {
    return created;
  }

  /** When jtest asked the engine to start its container, or {@code null}. */
  Instant starting() {
    return starting;
  }

  /** When its container started, or {@code null}. */
  Instant startedAt() {
    return startedAt;
  }

  /** When it was ready, or {@code null}. */
  Instant readyAt() {
    return readyAt;
  }

  /** When each of its readiness conditions first held, in the order they did. */
  Map<String, Instant> conditions() {
    return conditions;
  }

  /** Completes once its container has started; fails as its start failed. */
  CompletableFuture<Void> whenStarted() {
    return started.copy();
  }

  /** Completes once it is ready; fails as its start or readiness failed. */
  CompletableFuture<Void> whenReady() {
    return ready.copy();
  }

  /** The image to run was built, pulled or found. */
  void imageResolved(String id) {
    imageId = id;
  }

  /** Its container was created (not yet started). */
  void created(String id, String name, Instant at) {
    containerId = id;
    containerName = name;
    created = at;
  }

  /**
   * What its container was created from: the request, and the files copied in besides the image
   * (secrets, configs, remote binds); its {@code pre_start} steps run from the same.
   */
  void createdFrom(ContainerRequest request, List<ContainerFile> files) {
    this.request = request;
    this.copiedFiles = List.copyOf(files);
  }

  ContainerRequest request() {
    return request;
  }

  List<ContainerFile> copiedFiles() {
    return copiedFiles;
  }

  /**
   * jtest asks the engine to start its container now; with a dependency, that can be long after the
   * container was created.
   */
  void starting(Instant at) {
    starting = at;
  }

  /** Its container started; {@code logs} follows its output until closed. */
  void started(Instant at, Closeable logs) {
    startedAt = at;
    follower = logs;
  }

  /** What the engine said of its container right after it started, or {@code null} before. */
  ContainerFacts facts() {
    return facts;
  }

  /** The engine describes its started container as {@code facts}. */
  void inspected(ContainerFacts facts) {
    this.facts = facts;
  }

  /** The engine bound these host ports (by container port) for it. */
  void published(Map<Integer, Integer> ports) {
    hostPorts = Collections.unmodifiableMap(new LinkedHashMap<>(ports));
  }

  /** Its conditions held (when each first did) and it is ready since {@code at}. */
  void ready(Map<String, Instant> held, Instant at) {
    conditions = Collections.unmodifiableMap(new LinkedHashMap<>(held));
    readyAt = at;
  }

  /** Its start ended: it started when {@code failure} is {@code null}. */
  void settleStart(Throwable failure) {
    settle(started, failure);
  }

  /** Its readiness wait ended: it is ready when {@code failure} is {@code null}. */
  void settleReady(Throwable failure) {
    settle(ready, failure);
  }

  /**
   * It runs in a container that an earlier build kept ({@code jtest.keepRunning}) and this one
   * adopts as it is: started and ready at once.
   */
  void adopted(
      StackState.Container container, Map<Integer, Integer> ports, Closeable logs, Instant at) {
    containerId = container.id();
    containerName = container.name();
    imageId = container.imageId();
    published(ports);
    created = at;
    starting = at;
    startedAt = at;
    readyAt = at;
    follower = logs;
    started.complete(null);
    ready.complete(null);
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

  private static void settle(CompletableFuture<Void> future, Throwable failure) {
    if (failure == null) {
      future.complete(null);
    } else {
      future.completeExceptionally(failure);
    }
  }
}
