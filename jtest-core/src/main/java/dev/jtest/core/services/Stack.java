package dev.jtest.core.services;

import dev.jtest.core.ConfigurationException;
import dev.jtest.core.JtestException;
import dev.jtest.core.compose.ComposeModel;
import dev.jtest.core.compose.DependencyCondition;
import dev.jtest.core.compose.DependencyGraph;
import dev.jtest.core.compose.HealthSpec;
import dev.jtest.core.compose.MountSpec;
import dev.jtest.core.compose.PortSpec;
import dev.jtest.core.compose.ServiceSpec;
import dev.jtest.core.compose.WaitSpec;
import dev.jtest.core.engine.ContainerFacts;
import dev.jtest.core.engine.ContainerRequest;
import dev.jtest.core.engine.Engine;
import dev.jtest.core.engine.EngineException;
import dev.jtest.core.engine.ExecResult;
import dev.jtest.core.engine.ImageBuild;
import dev.jtest.core.readiness.ProbeTarget;
import dev.jtest.core.readiness.ReadinessCheck;
import dev.jtest.core.readiness.ReadinessWaiter;
import dev.jtest.core.readiness.ServiceFailedException;
import dev.jtest.core.readiness.Wait;
import dev.jtest.settings.EndpointContract;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The project's services, running: started in dependency order with independent services in
 * parallel, awaited until ready, and removed again with nothing left behind — on a normal stop, on
 * a failure, and on Ctrl-C (a shutdown hook). Logs are written as they arrive.
 */
public final class Stack {

  /**
   * How a stack runs.
   *
   * @param projectDir the project directory, which names the project on the engine
   * @param workDir {@code target/jtest}: logs, state, endpoints, readiness timings
   * @param startedAt when the start goal began; timings in {@code readiness.json} count from here
   * @param keepRunning whether the stack outlives the build ({@code jtest.keepRunning})
   * @param pullTimeout how long pulling a missing image may take
   * @param hooks extra work around each service's life, such as coverage
   */
  public record Options(
      Path projectDir,
      Path workDir,
      Instant startedAt,
      boolean keepRunning,
      Duration pullTimeout,
      ServiceHooks hooks) {

    /** Options without hooks. */
    public Options(
        Path projectDir,
        Path workDir,
        Instant startedAt,
        boolean keepRunning,
        Duration pullTimeout) {
      this(projectDir, workDir, startedAt, keepRunning, pullTimeout, ServiceHooks.NONE);
    }
  }

  static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(60);
  static final Duration HEALTHCHECK_MARGIN = Duration.ofSeconds(10);
  static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(10);
  static final int DIAGNOSIS_LOG_LINES = 30;

  private final Engine engine;
  private final ComposeModel model;
  private final Options options;
  private final StackListener listener;
  private final RunIdentity identity;
  private final Map<String, ServiceRuntime> services = new LinkedHashMap<>();
  private final Map<String, String> networks = new LinkedHashMap<>();
  private final List<String> volumes = new ArrayList<>();
  private final Map<String, Boolean> requiredHealthy = new LinkedHashMap<>();
  private final Map<String, Boolean> oneShot = new LinkedHashMap<>();
  private final ExecutorService executor;
  private final CompletableFuture<Void> failure = new CompletableFuture<>();
  private final AtomicBoolean aborted = new AtomicBoolean();
  private final AtomicBoolean removed = new AtomicBoolean();
  private final AtomicBoolean interrupted = new AtomicBoolean();
  private final Set<String> reportedExits = ConcurrentHashMap.newKeySet();
  private volatile Instant readyAt;
  private final boolean reused;
  private Thread shutdownHook;

  private Stack(
      Engine engine,
      ComposeModel model,
      Options options,
      StackListener listener,
      RunIdentity identity,
      boolean reused) {
    this.engine = engine;
    this.model = model;
    this.options = options;
    this.listener = listener;
    this.identity = identity;
    this.reused = reused;
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "jtest-stack-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    for (ServiceSpec spec : model.services().values()) {
      services.put(
          spec.name(),
          new ServiceRuntime(
              spec,
              new ServiceLog(options.workDir().resolve("logs").resolve(spec.name() + ".log"))));
    }
    for (ServiceSpec spec : model.services().values()) {
      spec.dependsOn()
          .forEach(
              (dependency, condition) -> {
                if (condition == DependencyCondition.SERVICE_HEALTHY) {
                  requiredHealthy.put(dependency, true);
                }
                if (condition == DependencyCondition.SERVICE_COMPLETED_SUCCESSFULLY) {
                  oneShot.put(dependency, true);
                }
              });
    }
  }

  /**
   * Starts the services of {@code model} and returns once every container has started (which, for
   * services that depend on others' health, means those others are ready). Readiness of the rest is
   * awaited by {@link #awaitReady()}.
   *
   * <p>First removes what earlier runs of this project left behind (their owner process is gone),
   * and reuses a stack kept with {@code jtest.keepRunning} when the model is unchanged and every
   * service still runs.
   *
   * @throws ConfigurationException for a compose file that cannot run (nothing is left running)
   * @throws ServiceFailedException when a service cannot start (nothing is left running)
   */
  public static Stack start(
      Engine engine, ComposeModel model, Options options, StackListener listener) {
    checkRunnable(model);
    Sweeper sweeper = new Sweeper(engine);
    String projectId = RunIdentity.projectId(options.projectDir());
    var leftovers = sweeper.leftovers(projectId);
    if (!leftovers.isEmpty()) {
      listener.info(
          "removing "
              + leftovers.size()
              + " resource(s) left by an earlier run whose build is gone");
      sweeper.remove(leftovers);
    }
    Optional<StackState> kept = StackState.read(options.workDir());
    if (kept.isPresent() && kept.get().keep() && options.hooks() == ServiceHooks.NONE) {
      Optional<Stack> reusable = reuse(engine, model, options, listener, kept.get());
      if (reusable.isPresent()) {
        return reusable.get();
      }
      listener.info(
          "removing the kept stack (run "
              + kept.get().runId()
              + "): it no longer matches the compose model or a service stopped");
      sweeper.removeRun(kept.get().runId());
    }
    // A state file that is not a kept stack's was left by a build that died; the sweep above
    // removed its resources.
    kept.ifPresent(ignored -> StackState.delete(options.workDir()));
    Stack stack =
        new Stack(
            engine, model, options, listener, RunIdentity.create(options.projectDir()), false);
    stack.launch();
    return stack;
  }

  /** The run's identity: id, project, owner. */
  public RunIdentity identity() {
    return identity;
  }

  /** The compose model this stack runs. */
  public ComposeModel model() {
    return model;
  }

  /** The services, in compose file order. */
  public Map<String, ServiceRuntime> services() {
    return Collections.unmodifiableMap(services);
  }

  /** Whether this stack was kept by an earlier build and reused as it was. */
  public boolean reused() {
    return reused;
  }

  /**
   * Whether the JVM began to shut down (Ctrl-C, SIGTERM) while this stack ran, so that the stack
   * was removed by its shutdown hook: what ran meanwhile, such as tests, did not run to its end.
   */
  public boolean interrupted() {
    return interrupted.get();
  }

  /** The endpoint properties of every service. */
  public Map<String, String> endpoints() {
    Map<String, String> properties = new LinkedHashMap<>();
    for (ServiceRuntime service : services.values()) {
      properties.putAll(Endpoints.of(service.spec(), service.hostPorts()));
    }
    return properties;
  }

  /**
   * Waits until every service is ready, then writes {@code readiness.json}.
   *
   * @throws ServiceFailedException naming service, condition, time, last probe and log lines; the
   *     stack is removed first (logs saved)
   */
  public void awaitReady() {
    join(
        allOf(services.values().stream().map(s -> s.ready).toList()),
        "waited for the services to be ready");
    Instant ready = Instant.now();
    readyAt = ready;
    ReadinessReport.write(
        options.workDir().resolve("readiness.json"), options.startedAt(), services.values(), ready);
    List<String> summary = new ArrayList<>();
    for (ServiceRuntime service : services.values()) {
      summary.add(
          service.name()
              + Optional.ofNullable(
                      Endpoints.of(service.spec(), service.hostPorts())
                          .get(EndpointContract.urlKey(service.name())))
                  .map(u -> " " + u)
                  .orElse(""));
    }
    listener.info(
        String.format(
            Locale.ROOT,
            "stack ready in %.1f s: %s",
            Duration.between(options.startedAt(), ready).toMillis() / 1000.0,
            String.join(", ", summary)));
    if (options.keepRunning()) {
      writeState(true);
    }
  }

  /**
   * Stops every service gracefully (dependents first), saves the logs, and removes the containers,
   * networks and volumes of this run. Idempotent.
   */
  public void stop() {
    teardown();
    removeHook();
  }

  /**
   * Warns, once per service, about each service whose container is no longer running although the
   * stack was ready — one that died or was killed while the tests ran — naming its exit code and
   * when it ended: a test that failed with a connection error then says why. One-shot services,
   * awaited for their completion, are not counted.
   *
   * @return the names of the services found not running, in compose file order
   */
  public List<String> reportExitedServices() {
    List<String> exited = new ArrayList<>();
    for (ServiceRuntime service : services.values()) {
      if (service.containerId == null || oneShot.containsKey(service.name())) {
        continue;
      }
      Optional<ContainerFacts> facts;
      try {
        facts = engine.inspect(service.containerId);
      } catch (EngineException e) {
        // Only a diagnosis: it must never keep the stack from being stopped.
        listener.detail(service.name() + ": cannot inspect its container: " + e.getMessage());
        continue;
      }
      if (aborted.get()) {
        return List.of(); // being removed (Ctrl-C, say): jtest stops them itself
      }
      if (facts.isPresent() && !facts.get().exited()) {
        continue;
      }
      exited.add(service.name());
      if (reportedExits.add(service.name())) {
        String what =
            facts.isPresent()
                ? ServiceExits.describe(
                    service.name(), facts.get(), readyAt, ZoneId.systemDefault())
                : "service '" + service.name() + "': its container was removed while the tests ran";
        listener.warn(what + "; its log: " + service.log().file());
      }
    }
    return exited;
  }

  /** Leaves the stack running for later builds; only {@code jtest:stop} removes it. */
  public void keep() {
    writeState(true);
    removeHook();
    services.values().forEach(ServiceRuntime::closeFollower);
    executor.shutdownNow();
    listener.info("stack kept running (jtest.keepRunning): run 'mvn jtest:stop' to remove it");
  }

  /**
   * Stops the stack recorded in {@code workDir} by an earlier build (kept with {@code
   * jtest.keepRunning}), saving its logs.
   *
   * @return whether there was one
   */
  public static boolean stopRecorded(Engine engine, Path workDir, StackListener listener) {
    Optional<StackState> state = StackState.read(workDir);
    if (state.isEmpty()) {
      return false;
    }
    StackState kept = state.get();
    for (Map.Entry<String, StackState.Container> entry : kept.services().entrySet()) {
      String id = entry.getValue().id();
      engine.stopContainer(
          id,
          entry.getValue().stopGraceMillis() > 0
              ? java.time.Duration.ofMillis(entry.getValue().stopGraceMillis())
              : DEFAULT_STOP_GRACE);
      List<String> lines = engine.logs(id, -1);
      ServiceLog log = new ServiceLog(workDir.resolve("logs").resolve(entry.getKey() + ".log"));
      lines.forEach(log::append);
      log.close();
    }
    new Sweeper(engine).removeRun(kept.runId());
    StackState.delete(workDir);
    listener.info(
        "removed the kept stack (run " + kept.runId() + "); logs in " + workDir.resolve("logs"));
    return true;
  }

  // ---------------------------------------------------------------- start

  private void launch() {
    shutdownHook = new Thread(this::interrupt, "jtest-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    writeRunFile();
    try {
      createNetworksAndVolumes();
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
    listener.info(
        "starting "
            + services.size()
            + " service(s) from "
            + String.join(
                ", ", model.files().stream().map(f -> String.valueOf(f.getFileName())).toList())
            + " (run "
            + identity.runId()
            + ")");
    Map<String, CompletableFuture<String>> images = new LinkedHashMap<>();
    for (ServiceRuntime service : services.values()) {
      images.put(
          service.name(), CompletableFuture.supplyAsync(() -> resolveImage(service), executor));
    }
    // As docker compose up: every image is built or pulled before the first container is created.
    // Services log into target/jtest, inside a context such as `build: .`, and a file that grows
    // while the context is sent fails the build.
    CompletableFuture<Void> allImages =
        CompletableFuture.allOf(images.values().toArray(CompletableFuture[]::new));
    for (ServiceRuntime service : services.values()) {
      CompletableFuture<String> image = images.get(service.name());
      List<CompletableFuture<Void>> dependencies = new ArrayList<>(List.of(allImages));
      service
          .spec()
          .dependsOn()
          .forEach(
              (name, condition) ->
                  dependencies.add(
                      condition == DependencyCondition.SERVICE_STARTED
                          ? services.get(name).started
                          : services.get(name).ready));
      image
          .thenCombineAsync(allOf(dependencies), (imageId, ignored) -> imageId, executor)
          .thenAcceptAsync(imageId -> createAndStart(service, imageId), executor)
          .whenComplete((ignored, error) -> settle(service.started, error));
      service
          .started
          .thenRunAsync(() -> awaitReadiness(service), executor)
          .whenComplete((ignored, error) -> settle(service.ready, error));
    }
    join(allOf(services.values().stream().map(s -> s.started).toList()), "started the services");
    Endpoints.write(endpoints(), options.workDir().resolve("services.properties"));
    writeState(options.keepRunning());
  }

  private void settle(CompletableFuture<Void> future, Throwable error) {
    if (error == null) {
      future.complete(null);
    } else {
      Throwable cause = unwrap(error);
      future.completeExceptionally(cause);
      failure.completeExceptionally(cause);
    }
  }

  /**
   * Waits for {@code goal} or the first failure; on failure removes everything and rethrows.
   *
   * @param doing what jtest was doing, for the message of an interruption
   */
  private void join(CompletableFuture<Void> goal, String doing) {
    try {
      CompletableFuture.anyOf(goal, failure).get();
      if (failure.isCompletedExceptionally()) {
        failure.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop();
      throw new JtestException("interrupted while starting the services; they were removed", e);
    } catch (ExecutionException e) {
      Throwable cause = unwrap(e);
      // Waits for the shutdown hook's removal, if it runs, to finish.
      stop();
      if (interrupted.get()) {
        throw new RunInterruptedException(
            "the build was interrupted (Ctrl-C or SIGTERM) while jtest "
                + doing
                + ": the services were removed, their logs are in "
                + options.workDir().resolve("logs"));
      }
      if (cause instanceof JtestException jtest) {
        throw jtest;
      }
      throw new JtestException("starting the services failed: " + cause, cause);
    }
  }

  private void createNetworksAndVolumes() {
    for (ComposeModel.NetworkSpec network : model.networks().values()) {
      boolean used =
          services.values().stream().anyMatch(s -> s.spec().networks().contains(network.name()));
      if (!used) {
        continue;
      }
      if (network.external()) {
        networks.put(
            network.name(),
            network.externalName() == null ? network.name() : network.externalName());
      } else {
        String name = identity.resourceName(network.name());
        engine.createNetwork(
            name, identity.labels(null, options.keepRunning()), network.internal());
        networks.put(network.name(), name);
      }
    }
    for (ComposeModel.VolumeSpec volume : model.volumes().values()) {
      if (!volume.external()) {
        String name = identity.resourceName(volume.name());
        engine.createVolume(name, identity.labels(null, options.keepRunning()));
        volumes.add(name);
      }
    }
  }

  private String resolveImage(ServiceRuntime service) {
    ServiceSpec spec = service.spec();
    if (spec.build() != null) {
      String tag =
          spec.image() != null
              ? spec.image()
              : "jtest/" + identity.projectId() + "-" + spec.name() + ":latest";
      Optional<String> previous = engine.findImage(tag).map(i -> i.id());
      List<String> output = Collections.synchronizedList(new ArrayList<>());
      listener.info(spec.name() + ": building image " + tag + " from " + spec.build().context());
      Map<String, String> labels = new LinkedHashMap<>();
      labels.put(RunIdentity.PROJECT, identity.projectId());
      labels.put(RunIdentity.SERVICE, spec.name());
      String id;
      try {
        id =
            engine.buildImage(
                new ImageBuild(
                    spec.build().context(),
                    spec.build().dockerfile(),
                    spec.build().args(),
                    spec.build().target(),
                    tag,
                    labels),
                line -> {
                  output.add(line);
                  // Each step at info (cached or not), its output only in a verbose log.
                  if (line.startsWith("Step ")) {
                    listener.info(spec.name() + " | " + line);
                  } else {
                    listener.detail(spec.name() + " | " + line);
                  }
                });
      } catch (EngineException e) {
        List<String> tail = output.subList(Math.max(0, output.size() - 20), output.size());
        throw new ConfigurationException(
            spec.location()
                + ": service '"
                + spec.name()
                + "': building its image failed: "
                + e.engineMessage()
                + (tail.isEmpty() ? "" : "\nLast build output:\n  | " + String.join("\n  | ", tail))
                + "\nFix the Dockerfile ("
                + spec.build().context().resolve(spec.build().dockerfile())
                + ") or the build section.");
      }
      if (previous.isPresent() && !previous.get().equals(id)) {
        engine.removeImageQuietly(previous.get());
      }
      service.imageId = id;
      return id;
    }
    Optional<String> present = engine.findImage(spec.image()).map(i -> i.id());
    if (present.isPresent()) {
      service.imageId = present.get();
      return present.get();
    }
    listener.info(spec.name() + ": pulling image " + spec.image());
    try {
      engine.pullImage(spec.image(), options.pullTimeout());
    } catch (EngineException e) {
      throw new ConfigurationException(
          spec.location()
              + ": service '"
              + spec.name()
              + "': image '"
              + spec.image()
              + "' is not on the engine and cannot be pulled ("
              + e.engineMessage()
              + "): build or load it first, or give the service a 'build:' section");
    }
    String id = engine.findImage(spec.image()).map(i -> i.id()).orElse(spec.image());
    service.imageId = id;
    return id;
  }

  private void createAndStart(ServiceRuntime service, String imageId) {
    if (aborted.get()) {
      throw new CompletionException(
          new JtestException("start of '" + service.name() + "' cancelled"));
    }
    ServiceSpec spec = service.spec();
    ServiceHooks.Adjustment adjustment =
        options.hooks() == ServiceHooks.NONE
            ? ServiceHooks.Adjustment.NONE
            : options.hooks().prepare(spec, engine.imageConfig(imageId));
    Map<String, String> env = new LinkedHashMap<>(spec.environment());
    env.putAll(adjustment.environment());
    List<String> environment = new ArrayList<>();
    env.forEach((k, v) -> environment.add(k + "=" + v));
    List<PortSpec> ports = new ArrayList<>(spec.ports());
    ports.addAll(adjustment.ports());
    Map<String, String> labels = new LinkedHashMap<>(spec.labels());
    labels.putAll(identity.labels(spec.name(), options.keepRunning()));
    List<MountSpec> mounts = new ArrayList<>();
    for (MountSpec mount : spec.mounts()) {
      if (mount.type() == MountSpec.Type.VOLUME && mount.source() != null) {
        ComposeModel.VolumeSpec volume = model.volumes().get(mount.source());
        String name =
            volume.external()
                ? (volume.externalName() == null ? volume.name() : volume.externalName())
                : identity.resourceName(volume.name());
        mounts.add(new MountSpec(mount.type(), name, mount.target(), mount.readOnly()));
      } else {
        mounts.add(mount);
      }
    }
    String containerName = identity.resourceName(spec.name());
    ContainerRequest request =
        new ContainerRequest(
            containerName,
            imageId,
            spec.name(),
            spec.command(),
            spec.entrypoint(),
            environment,
            labels,
            spec.workingDir(),
            spec.user(),
            spec.expose(),
            ports,
            mounts,
            networks.get(spec.networks().get(0)),
            List.of(spec.name()),
            spec.healthcheck(),
            spec.stopSignal(),
            spec.stopGracePeriod());
    String id = engine.createContainer(request);
    service.containerId = id;
    service.containerName = containerName;
    service.created = Instant.now();
    if (!adjustment.files().isEmpty()) {
      engine.copyToContainer(id, adjustment.files());
    }
    for (String network : spec.networks().subList(1, spec.networks().size())) {
      engine.connectNetwork(id, networks.get(network), List.of(spec.name()));
    }
    if (aborted.get()) {
      engine.removeContainer(id);
      throw new CompletionException(
          new JtestException("start of '" + service.name() + "' cancelled"));
    }
    try {
      engine.startContainer(id, containerName);
    } catch (EngineException e) {
      if (e.isPortConflict()) {
        PortSpec fixed =
            spec.ports().stream()
                .filter(p -> p.hostPort() != null)
                .filter(p -> e.engineMessage().contains(":" + p.hostPort()))
                .findFirst()
                .orElse(
                    spec.ports().stream()
                        .filter(p -> p.hostPort() != null)
                        .findFirst()
                        .orElse(null));
        String which =
            fixed == null
                ? "a fixed host port"
                : "host port "
                    + fixed.hostIp()
                    + ":"
                    + fixed.hostPort()
                    + " ("
                    + fixed.location()
                    + ")";
        throw new ConfigurationException(
            "service '"
                + spec.name()
                + "': "
                + which
                + " is already in use: stop what uses it, or publish the port without a host port ('"
                + (fixed == null ? "8080" : fixed.containerPort())
                + "') to get a random free one. Engine: "
                + e.engineMessage());
      }
      throw new ServiceFailedException(
          spec.name(), "service '" + spec.name() + "' could not start: " + e.engineMessage());
    }
    service.startedAt = Instant.now();
    ServiceLog log = service.log();
    service.follower = engine.followLogs(id, log::append, log::markEnded);
    ContainerFacts facts = inspectOrFail(spec, id, "vanished right after it started");
    service.hostPorts = hostPorts(facts);
    listener.info(spec.name() + ": started" + describePorts(spec, service.hostPorts));
  }

  private ContainerFacts inspectOrFail(ServiceSpec spec, String id, String what) {
    return engine
        .inspect(id)
        .orElseThrow(
            () -> new ServiceFailedException(spec.name(), "service '" + spec.name() + "' " + what));
  }

  private static Map<Integer, Integer> hostPorts(ContainerFacts facts) {
    Map<Integer, Integer> ports = new LinkedHashMap<>();
    facts
        .ports()
        .forEach(
            (key, host) -> {
              if (key.endsWith("/tcp")) {
                ports.put(Integer.parseInt(key.substring(0, key.indexOf('/'))), host);
              }
            });
    return ports;
  }

  private static String describePorts(ServiceSpec spec, Map<Integer, Integer> hostPorts) {
    List<String> shown = new ArrayList<>();
    for (PortSpec port : spec.ports()) {
      Integer host = hostPorts.get(port.containerPort());
      if (host != null) {
        shown.add(port.hostIp() + ":" + host + "->" + port.containerPort());
      }
    }
    return shown.isEmpty() ? "" : " on " + String.join(", ", shown);
  }

  private void awaitReadiness(ServiceRuntime service) {
    ServiceSpec spec = service.spec();
    String id = service.containerId;
    ContainerFacts facts = inspectOrFail(spec, id, "was removed");
    boolean completion = oneShot.containsKey(spec.name());
    List<ReadinessCheck> checks = completion ? List.of() : checks(spec, facts);
    if (!completion && checks.isEmpty() && requiredHealthy.containsKey(spec.name())) {
      throw new ConfigurationException(
          spec.location()
              + ": service '"
              + spec.name()
              + "' is awaited as service_healthy, but it has no healthcheck (neither in the compose"
              + " file nor in its image) and no x-jtest.wait: add one of them");
    }
    ReadinessWaiter waiter = new ReadinessWaiter(spec.name(), checks, timeout(spec), completion);
    try {
      ReadinessWaiter.Outcome outcome =
          waiter.await(() -> engine.inspect(id), current -> new Target(service, current));
      service.conditions.putAll(outcome.conditions());
      service.readyAt = outcome.ready();
      runHook(service, "when ready", () -> options.hooks().ready(service));
    } catch (ServiceFailedException e) {
      if (interrupted.get()) {
        throw e; // jtest stopped it itself: no diagnosis; join reports the interruption
      }
      throw new ServiceFailedException(spec.name(), e.getMessage() + diagnosis(service));
    }
    List<String> held = new ArrayList<>();
    service.conditions.forEach((name, at) -> held.add(name + " " + seconds(service.startedAt, at)));
    listener.info(
        spec.name()
            + (completion ? ": completed" : ": ready")
            + " after "
            + seconds(service.startedAt, service.readyAt)
            + (held.isEmpty() ? "" : " (" + String.join(", ", held) + ")"));
  }

  private List<ReadinessCheck> checks(ServiceSpec spec, ContainerFacts facts) {
    List<ReadinessCheck> checks = new ArrayList<>();
    boolean healthDisabled = spec.healthcheck() != null && spec.healthcheck().disabled();
    if (facts.hasHealthcheck() && !healthDisabled) {
      checks.add(Wait.forHealthcheck());
    }
    WaitSpec wait = spec.readiness();
    if (wait.http() != null) {
      checks.add(Wait.forHttp(wait.http(), spec.firstPort().orElseThrow().containerPort()));
    }
    if (wait.tcp() != null) {
      checks.add(Wait.forTcp(wait.tcp()));
    }
    if (wait.log() != null) {
      checks.add(Wait.forLog(wait.log()));
    }
    if (wait.command() != null) {
      checks.add(Wait.forCommand(wait.command()));
    }
    return checks;
  }

  /** x-jtest.wait.timeout, else what the healthcheck may take plus a margin, else 60 s. */
  static Duration timeout(ServiceSpec spec) {
    if (spec.readiness().timeout() != null) {
      return spec.readiness().timeout();
    }
    HealthSpec health = spec.healthcheck();
    if (health != null && !health.disabled()) {
      return health.worstCase().plus(HEALTHCHECK_MARGIN);
    }
    return DEFAULT_READY_TIMEOUT;
  }

  private String diagnosis(ServiceRuntime service) {
    try {
      // The follower may still be delivering the last lines of a container that just exited.
      service.log().awaitEnd(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<String> tail = service.log().tail(DIAGNOSIS_LOG_LINES);
    if (tail.isEmpty()) {
      return "\nThe service wrote no output (log: " + service.log().file() + ")";
    }
    return "\nLast "
        + tail.size()
        + " lines of its output (full log: "
        + service.log().file()
        + "):\n  | "
        + String.join("\n  | ", tail);
  }

  private static void checkRunnable(ComposeModel model) {
    for (ServiceSpec spec : model.services().values()) {
      if (spec.readiness().http() != null && spec.firstPort().isEmpty()) {
        throw new ConfigurationException(
            spec.location()
                + ": service '"
                + spec.name()
                + "': x-jtest.wait.http needs a published port to send the request to: add e.g."
                + " ports: [\"8080\"]");
      }
    }
  }

  // ---------------------------------------------------------------- reuse

  private static Optional<Stack> reuse(
      Engine engine, ComposeModel model, Options options, StackListener listener, StackState kept) {
    if (!kept.keep()
        || !kept.fingerprint().equals(model.fingerprint())
        || !kept.services().keySet().equals(model.services().keySet())) {
      return Optional.empty();
    }
    RunIdentity owner = RunIdentity.create(options.projectDir());
    RunIdentity identity =
        new RunIdentity(
            kept.runId(), kept.projectId(), owner.pid(), owner.host(), owner.processStart());
    Stack stack = new Stack(engine, model, options, listener, identity, true);
    for (ServiceRuntime service : stack.services.values()) {
      StackState.Container container = kept.services().get(service.name());
      Optional<ContainerFacts> facts = engine.inspect(container.id());
      boolean healthy =
          facts.isPresent()
              && facts.get().running()
              && (facts.get().health() == null || "healthy".equals(facts.get().health()));
      if (!healthy
          || (service.spec().build() != null
              && !rebuiltImageMatches(stack, service, facts.get()))) {
        return Optional.empty();
      }
      service.containerId = container.id();
      service.containerName = container.name();
      service.imageId = container.imageId();
      service.hostPorts = hostPorts(facts.get());
      service.created = service.startedAt = service.readyAt = Instant.now();
      ServiceLog log = service.log();
      log.replaceWith(List.of());
      service.follower = engine.followLogs(container.id(), log::append, log::markEnded);
      service.started.complete(null);
      service.ready.complete(null);
    }
    stack.readyAt = Instant.now();
    kept.networks().forEach(n -> stack.networks.put(n, n));
    stack.volumes.addAll(kept.volumes());
    Endpoints.write(stack.endpoints(), options.workDir().resolve("services.properties"));
    listener.info(
        "reusing the stack kept by an earlier build (run "
            + kept.runId()
            + "): compose model unchanged, every service running");
    return Optional.of(stack);
  }

  /** Rebuilds the image (a cache hit when nothing changed) and compares it with the running one. */
  private static boolean rebuiltImageMatches(
      Stack stack, ServiceRuntime service, ContainerFacts facts) {
    String id = stack.resolveImage(service);
    return id.equals(facts.imageId());
  }

  // ---------------------------------------------------------------- stop

  /**
   * Removes the run. Exclusive: on Ctrl-C the shutdown hook and the build's own jtest:stop may both
   * get here, and the later one must wait until the removal is done, not return while it runs (its
   * caller would close the engine connection under the hook's feet).
   */
  private synchronized void teardown() {
    if (!removed.compareAndSet(false, true)) {
      return;
    }
    aborted.set(true);
    try {
      for (List<String> wave : DependencyGraph.of(model.services()).stopOrder()) {
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (String name : wave) {
          ServiceRuntime service = services.get(name);
          if (service.containerId != null) {
            Duration grace = stopGrace(service.spec());
            stops.add(CompletableFuture.runAsync(() -> stopQuietly(service, grace), executor));
          }
        }
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
      }
    } catch (RuntimeException e) {
      listener.warn("stopping the services: " + e.getMessage());
    } finally {
      try {
        options.hooks().stopped();
      } catch (RuntimeException e) {
        listener.warn("after stopping the services: " + e.getMessage());
      }
      for (ServiceRuntime service : services.values()) {
        service.closeFollower();
        service.log().close();
      }
      try {
        new Sweeper(engine).removeRun(identity.runId());
      } catch (RuntimeException e) {
        listener.warn(
            "removing the services of run "
                + identity.runId()
                + " failed: "
                + e.getMessage()
                + "; the next start removes them");
      }
      StackState.delete(options.workDir());
      executor.shutdownNow();
    }
    listener.info("services stopped and removed; logs in " + options.workDir().resolve("logs"));
  }

  private void runHook(ServiceRuntime service, String when, Runnable hook) {
    try {
      hook.run();
    } catch (RuntimeException e) {
      listener.warn(service.name() + ": " + when + ": " + e.getMessage());
    }
  }

  private static Duration stopGrace(ServiceSpec spec) {
    return spec.stopGracePeriod() == null ? DEFAULT_STOP_GRACE : spec.stopGracePeriod();
  }

  private void stopQuietly(ServiceRuntime service, Duration grace) {
    try {
      runHook(service, "before its stop", () -> options.hooks().beforeStop(service));
      engine.stopContainer(service.containerId, grace);
      runHook(
          service,
          "after its stop",
          () -> options.hooks().afterStop(service, engine.inspect(service.containerId)));
      if (!service.log().awaitEnd(2000) && service.log().count() == 0) {
        service.log().replaceWith(engine.logs(service.containerId, -1));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      listener.warn(service.name() + ": stop failed: " + e.getMessage());
    }
  }

  /**
   * What the shutdown hook does when the JVM shuts down (Ctrl-C, SIGTERM) while the stack runs:
   * removes it. From here on, a service that exits or a start that is cancelled is this removal's
   * doing, and is reported as the interruption.
   */
  void interrupt() {
    interrupted.set(true);
    if (!removed.get()) {
      listener.warn(
          readyAt == null
              ? "interrupted (Ctrl-C or SIGTERM): removing the services of run " + identity.runId()
              : "interrupted (Ctrl-C or SIGTERM) while the services ran: tests that were running did"
                  + " not finish, so any test count printed from here on is incomplete and no"
                  + " result; removing the services of run "
                  + identity.runId());
    }
    // Also when the build's own stop is removing the stack: the JVM halts once the hooks have
    // ended, so this one waits for that removal to finish rather than end halfway.
    teardown();
  }

  private void removeHook() {
    Thread hook = shutdownHook;
    if (hook != null && Thread.currentThread() != hook) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM is already shutting down and runs the hook itself.
      }
    }
  }

  /** {@code run.json}: which run and project the labels of this build's resources name. */
  private void writeRunFile() {
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("runId", identity.runId());
    run.put("projectId", identity.projectId());
    run.put("pid", identity.pid());
    run.put("started", options.startedAt().toString());
    try {
      java.nio.file.Files.createDirectories(options.workDir());
      StackState.JSON.writeValue(options.workDir().resolve("run.json").toFile(), run);
    } catch (java.io.IOException e) {
      listener.warn(
          "cannot write " + options.workDir().resolve("run.json") + ": " + e.getMessage());
    }
  }

  private void writeState(boolean keep) {
    Map<String, StackState.Container> containers = new LinkedHashMap<>();
    for (ServiceRuntime service : services.values()) {
      if (service.containerId != null) {
        containers.put(
            service.name(),
            new StackState.Container(
                service.containerId,
                service.containerName,
                service.imageId,
                stopGrace(service.spec()).toMillis()));
      }
    }
    new StackState(
            identity.runId(),
            identity.projectId(),
            model.fingerprint(),
            keep,
            containers,
            List.copyOf(networks.values()),
            List.copyOf(volumes),
            endpoints())
        .write(options.workDir());
  }

  // ---------------------------------------------------------------- helpers

  private final class Target implements ProbeTarget {
    private final ServiceRuntime service;
    private final ContainerFacts facts;

    Target(ServiceRuntime service, ContainerFacts facts) {
      this.service = service;
      this.facts = facts;
    }

    @Override
    public String service() {
      return service.name();
    }

    @Override
    public ContainerFacts facts() {
      return facts;
    }

    @Override
    public ExecResult exec(List<String> command, Duration timeout) {
      return engine.exec(service.containerId, command, List.of(), timeout);
    }

    @Override
    public List<String> logLines() {
      return service.log().lines();
    }
  }

  private static CompletableFuture<Void> allOf(List<CompletableFuture<Void>> futures) {
    return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
  }

  private static Throwable unwrap(Throwable error) {
    Throwable current = error;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  static String seconds(Instant from, Instant to) {
    if (from == null || to == null) {
      return "?";
    }
    return String.format(Locale.ROOT, "%.2f s", Duration.between(from, to).toMillis() / 1000.0);
  }
}
