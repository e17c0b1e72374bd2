package dev.jtest.core.services;

import dev.jtest.core.JtestException;
import dev.jtest.core.compose.ComposeModel;
import dev.jtest.core.compose.ResourceSpec;
import dev.jtest.core.compose.ServiceSpec;
import dev.jtest.core.engine.ContainerFacts;
import dev.jtest.core.engine.ContainerFile;
import dev.jtest.core.engine.ContainerRequest;
import dev.jtest.core.engine.Engine;
import dev.jtest.core.engine.EngineException;
import dev.jtest.core.engine.EngineInfo;
import dev.jtest.core.engine.ExecResult;
import dev.jtest.core.readiness.ProbeTarget;
import dev.jtest.core.readiness.ReadinessWaiter;
import dev.jtest.core.readiness.ServiceFailedException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;

/**
 * Brings one service up: creates and starts its container, then waits until it is ready. A failure
 * names the service and, for a service that ran, shows the last lines of its output.
 */
final class ServiceStarter {

  /** How many lines of its output a failed service's message shows. */
  static final int DIAGNOSIS_LOG_LINES = 30;

  /** How long the log of a service that just failed may take to deliver its last lines. */
  private static final long LOG_END_MILLIS = 1000;

  private final Engine engine;
  private final ComposeModel model;
  private final ServiceHooks hooks;
  private final GuardedHooks guarded;
  private final Teardown teardown;
  private final StackListener listener;
  private final RunEvents events;

  /** The engine API that takes a container's annotations. */
  static final String ANNOTATIONS_API = "1.43";

  ServiceStarter(
      Engine engine,
      ComposeModel model,
      ServiceHooks hooks,
      GuardedHooks guarded,
      Teardown teardown,
      StackListener listener,
      RunEvents events) {
    this.engine = engine;
    this.model = model;
    this.hooks = hooks;
    this.guarded = guarded;
    this.teardown = teardown;
    this.listener = listener;
    this.events = events;
  }

  /**
   * Creates the container of {@code service} from {@code imageId} as {@code requests} maps it and
   * joins its networks, ready for {@link #start}; cancelled when the stack is being removed
   * meanwhile.
   */
  void create(ServiceRuntime service, String imageId, ContainerRequests requests) {
    if (teardown.aborted()) {
      throw cancelled(service);
    }
    ServiceSpec spec = service.spec();
    ServiceHooks.Adjustment adjustment =
        hooks == ServiceHooks.NONE
            ? ServiceHooks.Adjustment.NONE
            : hooks.prepare(spec, engine.imageConfig(imageId));
    ContainerRequest request =
        requests.request(spec, imageId, adjustment, annotationsSupported(spec));
    String id =
        engine.createContainer(request, warning -> listener.warn(spec.name() + ": " + warning));
    service.created(id, request.name(), Instant.now());
    if (!adjustment.files().isEmpty()) {
      engine.copyToContainer(id, adjustment.files());
    }
    List<ContainerFile> granted = GrantedFiles.of(spec);
    if (!granted.isEmpty()) {
      engine.copyToContainer(id, granted);
    }
    List<ContainerFile> binds = requests.copyBinds() ? RemoteBinds.files(spec) : List.of();
    List<ContainerFile> shared = new ArrayList<>(granted);
    shared.addAll(binds);
    service.createdFrom(request, shared);
    if (requests.copyBinds()) {
      if (!binds.isEmpty()) {
        engine.copyToContainer(id, binds);
        listener.info(
            spec.name()
                + ": copied "
                + binds.size()
                + " bind-mounted file(s) and folder(s) into its container (remote engine)");
      }
    }
    for (String network : requests.laterNetworks(spec)) {
      engine.connectNetwork(id, network, requests.aliases(spec));
    }
    removeIfAborted(service);
  }

  /**
   * Whether the engine can take the service's {@code annotations} (API 1.43, Docker 24); says once
   * for the service that they are left out when it cannot. Asks the engine only for a service that
   * has some.
   */
  private boolean annotationsSupported(ServiceSpec spec) {
    if (spec.identity().annotations().isEmpty()) {
      return true;
    }
    EngineInfo info = engine.info();
    if (info.apiAtLeast(ANNOTATIONS_API)) {
      return true;
    }
    listener.warn(
        spec.location()
            + ": service '"
            + spec.name()
            + "': annotations need engine API "
            + ANNOTATIONS_API
            + " or newer (Docker 24+), this engine speaks "
            + info.apiVersion()
            + ": the container is created without them; upgrade the engine to apply them");
    return false;
  }

  /**
   * Starts the created container of {@code service}; cancelled when the stack is being removed
   * meanwhile.
   *
   * @throws dev.jtest.core.ConfigurationException when a fixed host port is taken
   * @throws ServiceFailedException when a {@code pre_start} step fails, the engine cannot start it,
   *     or a {@code post_start} hook fails
   */
  void start(ServiceRuntime service, ContainerRequests requests) {
    // A container created ahead may wait long for its dependencies; the removal may have begun.
    removeIfAborted(service);
    ServiceSpec spec = service.spec();
    String id = service.containerId();
    if (!spec.preStart().isEmpty()) {
      new InitSteps(engine).run(service, service.request(), service.copiedFiles());
      listener.info(spec.name() + ": pre_start ran " + spec.preStart().size() + " step(s)");
      removeIfAborted(service);
    }
    service.starting(Instant.now());
    try {
      engine.startContainer(id, service.containerName());
    } catch (EngineException e) {
      if (e.isPortConflict()) {
        throw PublishedPorts.conflict(spec, e.engineMessage());
      }
      throw new ServiceFailedException(
          spec.name(),
          "service '"
              + spec.name()
              + "' could not start: "
              + e.engineMessage()
              + ResourceSpec.realTimeHint(spec.resources(), e.engineMessage()));
    }
    Instant startedAt = Instant.now();
    ServiceLog log = service.log();
    service.started(startedAt, engine.followLogs(id, log::append, log::markEnded));
    ContainerFacts facts = inspectOrFail(spec, id, "vanished right after it started");
    service.published(PublishedPorts.byContainerPort(facts));
    service.inspected(facts);
    listener.info(
        spec.name()
            + ": started"
            + PublishedPorts.describe(spec, requests.address(), service.hostPorts()));
    if (!spec.postStart().isEmpty()) {
      new LifecycleCommands(engine).postStart(service);
      listener.info(spec.name() + ": post_start ran " + spec.postStart().size() + " hook(s)");
    }
  }

  /**
   * Removes the created container of {@code service} when the stack's removal has begun, which may
   * have swept the run's containers before this one existed.
   */
  private void removeIfAborted(ServiceRuntime service) {
    if (teardown.aborted()) {
      engine.removeContainer(service.containerId());
      throw cancelled(service);
    }
  }

  /**
   * Waits until the started {@code service} is ready as its {@link ReadinessPlan} says, then calls
   * the ready hook.
   *
   * @throws ServiceFailedException naming condition, time, last probe and the service's last output
   * @throws dev.jtest.core.ConfigurationException when its plan cannot hold
   */
  void awaitReadiness(ServiceRuntime service) {
    ServiceSpec spec = service.spec();
    ContainerFacts facts =
        service.facts() != null
            ? service.facts()
            : inspectOrFail(spec, service.containerId(), "was removed");
    ReadinessPlan plan = ReadinessPlan.of(model, spec, facts, engine.info().runsHealthchecks());
    try {
      ReadinessWaiter.Outcome outcome =
          plan.waiter(spec.name())
              .await(events.view(service), current -> new Target(engine, service, current));
      service.ready(outcome.conditions(), outcome.ready());
      guarded.ready(service);
    } catch (ServiceFailedException e) {
      if (teardown.interrupted()) {
        throw e; // jtest stopped it itself: no diagnosis; the start reports the interruption
      }
      throw new ServiceFailedException(spec.name(), e.getMessage() + diagnosis(service));
    }
    List<String> held = new ArrayList<>();
    service
        .conditions()
        .forEach((name, at) -> held.add(name + " " + seconds(service.startedAt(), at)));
    listener.info(
        spec.name()
            + (plan.completion() ? ": completed" : ": ready")
            + " after "
            + seconds(service.startedAt(), service.readyAt())
            + (held.isEmpty() ? "" : " (" + String.join(", ", held) + ")"));
  }

  private ContainerFacts inspectOrFail(ServiceSpec spec, String id, String what) {
    return engine
        .inspect(id)
        .orElseThrow(
            () -> new ServiceFailedException(spec.name(), "service '" + spec.name() + "' " + what));
  }

  private static CompletionException cancelled(ServiceRuntime service) {
    return new CompletionException(
        new JtestException("start of '" + service.name() + "' cancelled"));
  }

  private static String diagnosis(ServiceRuntime service) {
    try {
      // The follower may still be delivering the last lines of a container that just exited.
      service.log().awaitEnd(LOG_END_MILLIS);
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

  static String seconds(Instant from, Instant to) {
    if (from == null || to == null) {
      return "?";
    }
    return String.format(Locale.ROOT, "%.2f s", Duration.between(from, to).toMillis() / 1000.0);
  }

  /** A service's container as the readiness checks probe it, with the facts of one round. */
  private static final class Target implements ProbeTarget {
    private final Engine engine;
    private final ServiceRuntime service;
    private final ContainerFacts facts;

    Target(Engine engine, ServiceRuntime service, ContainerFacts facts) {
      this.engine = engine;
      this.service = service;
      this.facts = facts;
    }

    @Override
    public String service() {
      return service.name();
    }

    @Override
    public String host() {
      return service.host();
    }

    @Override
    public ContainerFacts facts() {
      return facts;
    }

    @Override
    public ExecResult exec(List<String> command, Duration timeout) {
      return engine.exec(service.containerId(), command, List.of(), timeout);
    }

    @Override
    public List<String> logLines() {
      return service.log().lines();
    }
  }
}
