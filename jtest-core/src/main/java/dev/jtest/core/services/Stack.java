package dev.jtest.core.services;

import dev.jtest.core.ConfigurationException;
import dev.jtest.core.compose.ComposeModel;
import dev.jtest.core.compose.ServiceSpec;
import dev.jtest.core.engine.Engine;
import dev.jtest.core.engine.EngineEndpoint;
import dev.jtest.core.engine.EngineException;
import dev.jtest.core.engine.EngineUnavailableException;
import dev.jtest.core.engine.PublishAddress;
import dev.jtest.core.readiness.ServiceFailedException;
import dev.jtest.settings.EndpointContract;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The project's services, running: started in dependency order with independent services in
 * parallel, awaited until ready, and removed again with nothing left behind — on a normal stop, on
 * a failure, and on Ctrl-C (a shutdown hook). Logs are written as they arrive.
 *
 * <p>This class is the package's table of contents; each job is a class of its own: {@link
 * StackPrelude} (the steps before the first container, overlapped), {@link KeptStacks} (sweep,
 * reuse and stop of kept stacks), {@link StackResources} (networks and volumes), {@link Startup}
 * (dependency order) over {@link ImageResolver}, {@link ContainerRequests}, {@link ServiceStarter},
 * {@link RemoteBinds} (bind mounts on a remote engine) and {@link ReadinessPlan}, {@link Teardown}
 * (removal and the shutdown hook), {@link ServiceExits} (services that died while the tests ran),
 * and {@link StackFiles} (what is written to {@code target/jtest}).
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
   * @param bindAddress {@code jtest.bindAddress}, or {@code null} to let {@link PublishAddress}
   *     choose from the engine's address
   */
  public record Options(
      Path projectDir,
      Path workDir,
      Instant startedAt,
      boolean keepRunning,
      Duration pullTimeout,
      ServiceHooks hooks,
      String bindAddress) {

    /** Options where the engine's address decides where ports bind. */
    public Options(
        Path projectDir,
        Path workDir,
        Instant startedAt,
        boolean keepRunning,
        Duration pullTimeout,
        ServiceHooks hooks) {
      this(projectDir, workDir, startedAt, keepRunning, pullTimeout, hooks, null);
    }

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

  private final Engine engine;
  private final ComposeModel model;
  private final Options options;
  private final StackListener listener;
  private final RunIdentity identity;
  private final PublishAddress address;
  private final boolean reused;
  private final Map<String, ServiceRuntime> services = new LinkedHashMap<>();
  private final StackFiles files;
  private final ExecutorService executor;
  private final Teardown teardown;
  private final Startup startup;
  private final ServiceExits exits;
  private final ImageResolver images;
  private volatile StackResources resources = StackResources.NONE;
  private volatile StartPhases phases = new StartPhases();
  private volatile Instant readyAt;

  Stack(
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
    this.address = PublishAddress.of(engine.endpoint(), options.bindAddress());
    this.files = new StackFiles(options.workDir());
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
          spec.name(), new ServiceRuntime(spec, files.newLog(spec.name()), address.host()));
    }
    GuardedHooks guarded = new GuardedHooks(options.hooks(), listener);
    RunEvents events = new RunEvents(engine, Map.of(RunIdentity.RUN, identity.runId()), listener);
    this.teardown =
        new Teardown(engine, model, services, guarded, identity, files, listener, executor);
    this.images = new ImageResolver(engine, listener, identity.projectId(), options.pullTimeout());
    this.startup =
        new Startup(
            services,
            images,
            new ServiceStarter(engine, model, options.hooks(), guarded, teardown, listener, events),
            teardown,
            executor,
            files,
            events);
    this.exits =
        new ServiceExits(engine, model, services.values(), teardown::aborted, listener, events);
  }

  /**
   * Connects to the engine at {@code endpoint} and starts the services of the compose model that
   * {@code model} loads, returning once every container has started (which, for services that
   * depend on others' health, means those others are ready). Readiness of the rest is awaited by
   * {@link #awaitReady()}.
   *
   * <p>The steps before the first container overlap ({@link StackPrelude}): the model loads on this
   * thread while another connects to the engine and removes what earlier runs of this project left
   * behind (their owner process is gone). A stack kept with {@code jtest.keepRunning} is reused
   * when the model is unchanged and every service still runs.
   *
   * @param model loads the compose model, on this thread
   * @param options how the stack runs, made once the engine has answered (hooks such as coverage
   *     work through it)
   * @return the started stack; its {@link #engine()} is the caller's to close after {@link
   *     #stop()}. When the start fails, the connection is closed and nothing is left running.
   * @throws ConfigurationException for a compose file that cannot run, reported before an
   *     unreachable engine, as when the model was loaded first
   * @throws EngineUnavailableException when the engine does not answer
   * @throws ServiceFailedException when a service cannot start
   */
  public static Stack start(
      EngineEndpoint endpoint,
      Supplier<ComposeModel> model,
      Function<Engine, Options> options,
      StackListener listener) {
    return StackPrelude.start(endpoint, model, options, listener);
  }

  /**
   * Starts the services of {@code model} on an engine already connected, which stays the caller's
   * to close, as {@link #start(EngineEndpoint, Supplier, Function, StackListener)} does.
   *
   * @throws ConfigurationException for a compose file that cannot run (nothing is left running)
   * @throws ServiceFailedException when a service cannot start (nothing is left running)
   */
  public static Stack start(
      Engine engine, ComposeModel model, Options options, StackListener listener) {
    return StackPrelude.start(engine, model, options, listener);
  }

  /** The engine this stack runs on. */
  public Engine engine() {
    return engine;
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
    return teardown.interrupted();
  }

  /** The endpoint properties of every service. */
  public Map<String, String> endpoints() {
    Map<String, String> properties = new LinkedHashMap<>();
    for (ServiceRuntime service : services.values()) {
      properties.putAll(Endpoints.of(service.spec(), service.host(), service.hostPorts()));
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
    startup.awaitReady();
    images.removeSuperseded(
        services.values().stream().map(ServiceRuntime::imageId).filter(Objects::nonNull).toList());
    Instant ready = Instant.now();
    readyAt = ready;
    files.writeReadiness(options.startedAt(), services.values(), ready, phases.ends());
    List<String> summary = new ArrayList<>();
    for (ServiceRuntime service : services.values()) {
      summary.add(service.name() + url(service).map(u -> " " + u).orElse(""));
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
    teardown.stop();
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
    return exits.report(readyAt);
  }

  /** Leaves the stack running for later builds; only {@code jtest:stop} removes it. */
  public void keep() {
    writeState(true);
    teardown.removeHook();
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
    return new KeptStacks(engine, workDir, listener).stopRecorded();
  }

  /**
   * What the shutdown hook does when the JVM shuts down (Ctrl-C, SIGTERM) while the stack runs:
   * removes it, waiting for a removal already under way.
   */
  void interrupt() {
    teardown.interrupt(readyAt != null);
  }

  /** This stack runs in the containers a kept stack left, on its networks and volumes. */
  void adopted(StackResources kept) {
    resources = kept;
    readyAt = Instant.now();
  }

  /** Times the steps before the first container into {@code phases}, for {@code readiness.json}. */
  void timed(StartPhases phases) {
    this.phases = phases;
  }

  /**
   * Makes ready what the containers need: the shutdown hook, {@code run.json}, the run's networks
   * and volumes, while the services' images are looked up alongside.
   *
   * @throws EngineException when a network or volume cannot be created, once the run is removed
   */
  void prepare() {
    teardown.installHook(this::interrupt);
    files.writeRun(identity, options.startedAt(), listener);
    images.lookUpAhead(model.services().values(), executor);
    try {
      resources = StackResources.create(engine, model, identity, options.keepRunning(), executor);
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
    phases.ended(StartPhases.Phase.NETWORKS_CREATED);
  }

  /** Starts the services, once {@link #prepare()} has succeeded and the sweep has ended. */
  void launch() {
    listener.info(
        "starting "
            + services.size()
            + " service(s) from "
            + String.join(
                ", ", model.files().stream().map(f -> String.valueOf(f.getFileName())).toList())
            + " (run "
            + identity.runId()
            + ")");
    startup.start(
        new ContainerRequests(
            identity,
            options.keepRunning(),
            model.volumes(),
            resources.networks(),
            address,
            engine.endpoint().remote(),
            ContainerRequests.linkAliases(model)));
    files.writeEndpoints(endpoints());
    writeState(options.keepRunning());
  }

  private void writeState(boolean keep) {
    files.writeState(identity, model, keep, services.values(), resources, endpoints());
  }

  /**
   * The service's URL for the ready line, if it publishes a TCP port. The one place the stack reads
   * an endpoint property by its key.
   */
  private static Optional<String> url(ServiceRuntime service) {
    return Optional.ofNullable(
        Endpoints.of(service.spec(), service.host(), service.hostPorts())
            .get(EndpointContract.urlKey(service.name())));
  }
}
