package dev.jtest.maven;

import dev.jtest.core.ConfigurationException;
import dev.jtest.core.compose.ComposeDurations;
import dev.jtest.core.compose.ComposeModel;
import dev.jtest.core.coverage.CoverageHooks;
import dev.jtest.core.coverage.CoverageOptions;
import dev.jtest.core.coverage.CoverageReport;
import dev.jtest.core.engine.Engine;
import dev.jtest.core.engine.EngineEndpoint;
import dev.jtest.core.services.ServiceHooks;
import dev.jtest.core.services.Stack;
import dev.jtest.settings.InvalidSettingException;
import dev.jtest.settings.Keys;
import dev.jtest.settings.Settings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Starts the services of the project's compose files in dependency order, on random loopback ports
 * (on a remote engine, at the engine's address: {@code jtest.bindAddress}), and hands their
 * endpoints to the tests: as Maven project properties, as system properties of the
 * Surefire/Failsafe forks, and in {@code target/jtest/services.properties}.
 *
 * <p>When the build reaches {@code pre-integration-test}, the build extension has already begun
 * this start in the background while the earlier phases ran ({@code jtest.earlyStart}); this goal
 * then collects it, printing its lines here.
 */
@Mojo(name = "start", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class StartMojo extends AbstractJtestMojo {

  /**
   * A {@link Runnable} that removes the stack, for the build extension to run when the build ends
   * before {@code jtest:stop} (a failure in between, or a build that stops at an earlier phase). A
   * JDK type, so that it crosses class realms.
   */
  public static final String STOPPER_KEY = "dev.jtest.stack.stopper";

  /**
   * Leaves the stack running after the build, for reruns against it; the next build reuses it when
   * the compose model is unchanged and every service runs. {@code mvn jtest:stop} removes it.
   */
  @Parameter(property = Keys.KEEP_RUNNING, defaultValue = "false")
  private boolean keepRunning;

  /**
   * Covers the services that run a JVM with JaCoCo ({@code -Pcoverage} sets it); {@code
   * jtest:report} writes the report at {@code verify}. Ignores {@code jtest.keepRunning}: the data
   * is harvested when the services stop.
   */
  // Not named coverage: that element of the plugin's configuration holds the rules
  // (<coverage><rules>), and every bound goal gets the plugin's configuration.
  @Parameter(property = Keys.COVERAGE, defaultValue = "false")
  private boolean withCoverage;

  /**
   * How long pulling an image that is not on the engine may take, as a duration such as {@code
   * 60s}, {@code 1m30s} or {@code 500ms}.
   */
  @Parameter(property = Keys.PULL_TIMEOUT, defaultValue = "60s")
  private String pullTimeout;

  /**
   * The address the services' published ports bind to on the engine's machine, where the compose
   * file names none (or 127.0.0.1). Unset: 127.0.0.1 for a local engine; for a {@code tcp://}
   * engine ({@code DOCKER_HOST}) its host when that is a loopback address, else every interface of
   * the engine's machine. Tests connect to it, or to the engine's host when it is {@code 0.0.0.0}
   * or {@code ::}.
   */
  @Parameter(property = Keys.BIND_ADDRESS)
  private String bindAddress;

  /** Coverage's hooks, once {@link #options} has made them. */
  private volatile CoverageHooks coverage;

  @Override
  protected void run() {
    Optional<RunningStack> early = adoptEarlyStack();
    if (early.isPresent()) {
      register(early.get());
      return;
    }
    Instant began = Instant.now();
    Optional<Supplier<ComposeModel>> model = composeModelLoader();
    if (model.isEmpty()) {
      return;
    }
    boolean keep = keepRunning && !withCoverage;
    // The model loads while the engine connects; options are made once it has answered.
    Stack stack =
        Stack.start(
            EngineEndpoint.fromEnvironment(),
            model.get(),
            engine -> options(engine, began, keep),
            listener());
    Engine engine = stack.engine();
    CoverageHooks hooks = coverage;
    if (hooks != null && hooks.coveredServices().isEmpty()) {
      stack.stop();
      engine.close();
      throw new ConfigurationException(
          "coverage was requested (-Pcoverage or -Djtest.coverage) but no service of "
              + stack.model().files().get(0).getFileName()
              + " runs a JVM (none names java in its command, nor JAVA_HOME in its environment): mark"
              + " the JVM services with x-jtest: {coverage: true}");
    }
    register(new RunningStack(stack, engine, keep, null));
  }

  /**
   * The stack the build extension started in the background for this project, when its request is
   * the one this goal would start with; otherwise (a setting changed during the build, or nothing
   * was started early) empty, after removing what was started.
   */
  private Optional<RunningStack> adoptEarlyStack() {
    Object early = project.getContextValue(EarlyStack.KEY);
    if (early == null) {
      return Optional.empty();
    }
    if (early instanceof EarlyStack stack && !withCoverage && stack.request().equals(request())) {
      // Stays in the context: the extension joins its thread when the build ends.
      return stack.adopt(listener());
    }
    project.setContextValue(EarlyStack.KEY, null);
    if (early instanceof EarlyStack stack) {
      stack.discard(listener());
    } else if (early instanceof AutoCloseable closeable) {
      // From a class realm other than this goal's: it cannot be handed over.
      try {
        closeable.close();
      } catch (Exception e) {
        getLog().warn("jtest: removing the services started in the background failed: " + e);
      }
    }
    return Optional.empty();
  }

  /** What this goal starts with, for comparing with a background start's. */
  private EarlyStack.Request request() {
    return new EarlyStack.Request(
        baseDir(), workDir(), composeFiles(), profiles(), keepRunning, pullTimeout, bindAddress);
  }

  /** Hands the stack to the later goals and to the extension's end-of-build removal. */
  private void register(RunningStack running) {
    Stack stack = running.stack();
    Engine engine = running.engine();
    project.setContextValue(STACK_KEY, running);
    project.setContextValue(
        STOPPER_KEY,
        (Runnable)
            () -> {
              if (project.getContextValue(STACK_KEY) == running) {
                project.setContextValue(STACK_KEY, null);
                if (running.keepRunning()) {
                  // mvn jtest:start -Djtest.keepRunning: the build ends here, the stack stays.
                  try {
                    stack.keep();
                  } finally {
                    engine.close();
                  }
                  getLog()
                      .info(
                          "jtest: stack kept running (jtest.keepRunning): run 'mvn jtest:stop' to"
                              + " remove it");
                  return;
                }
                getLog()
                    .warn(
                        "jtest: the build ended before jtest:stop: removing the services of run "
                            + stack.identity().runId());
                try {
                  stack.stop();
                } finally {
                  engine.close();
                }
              }
            });
    publish(stack.endpoints());
  }

  /** How the stack runs, on {@code engine}: coverage's hooks work through it. */
  private Stack.Options options(Engine engine, Instant began, boolean keep) {
    if (withCoverage) {
      if (keepRunning) {
        getLog()
            .warn(
                "jtest: coverage is harvested when the services stop: -Djtest.keepRunning is ignored with coverage");
      }
      List<Path> classDirs = ReactorPaths.classDirectories(session);
      coverage =
          new CoverageHooks(
              engine,
              new CoverageOptions(
                  workDir().resolve("coverage"),
                  CoverageReport.ownPackages(classDirs),
                  List.of(),
                  "-Pcoverage"),
              listener());
    }
    return new Stack.Options(
        baseDir(),
        workDir(),
        began,
        keep,
        ComposeDurations.parse(pullTimeout, "-D" + Keys.PULL_TIMEOUT),
        coverage == null ? ServiceHooks.NONE : coverage,
        bindAddress());
  }

  /** {@code jtest.bindAddress}, checked here too: a {@code <bindAddress>} skips the extension. */
  private String bindAddress() {
    try {
      return Settings.BIND_ADDRESS.parse(bindAddress == null ? "" : bindAddress);
    } catch (InvalidSettingException e) {
      throw new ConfigurationException(e.getMessage());
    }
  }

  /** Endpoints as project properties and as user properties, which Surefire passes to its forks. */
  private void publish(Map<String, String> endpoints) {
    endpoints.forEach(
        (key, value) -> {
          project.getProperties().setProperty(key, value);
          session.getUserProperties().setProperty(key, value);
        });
    getLog().debug("jtest: endpoints " + endpoints);
  }
}
