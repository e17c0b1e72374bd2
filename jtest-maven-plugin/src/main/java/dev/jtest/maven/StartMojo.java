package dev.jtest.maven;

import dev.jtest.core.compose.ComposeModel;
import dev.jtest.core.engine.Engine;
import dev.jtest.core.engine.EngineEndpoint;
import dev.jtest.core.services.Stack;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Starts the services of the project's compose files in dependency order, on random loopback ports,
 * and hands their endpoints to the tests: as Maven project properties, as system properties of the
 * Surefire/Failsafe forks, and in {@code target/jtest/services.properties}.
 */
@Mojo(name = "start", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class StartMojo extends AbstractJtestMojo {

  /**
   * Leaves the stack running after the build, for reruns against it; the next build reuses it when
   * the compose model is unchanged and every service runs. {@code mvn jtest:stop} removes it.
   */
  @Parameter(property = "jtest.keepRunning", defaultValue = "false")
  private boolean keepRunning;

  /**
   * Covers the services that run a JVM with JaCoCo (also {@code -Pcoverage}); the report is written
   * at {@code verify}.
   */
  @Parameter(property = "jtest.coverage", defaultValue = "false")
  private boolean coverage;

  /** How long pulling an image that is not on the engine may take. */
  @Parameter(property = "jtest.pullTimeout", defaultValue = "60s")
  private String pullTimeout;

  @Override
  protected void run() {
    Instant began = Instant.now();
    Optional<ComposeModel> model = composeModel();
    if (model.isEmpty()) {
      return;
    }
    Engine engine = Engine.connect(EngineEndpoint.fromEnvironment());
    Stack stack;
    try {
      stack =
          Stack.start(
              engine,
              model.get(),
              new Stack.Options(
                  baseDir(),
                  workDir(),
                  began,
                  keepRunning,
                  dev.jtest.core.compose.ComposeDurations.parse(
                      pullTimeout, "-Djtest.pullTimeout")),
              listener());
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
    project.setContextValue(STACK_KEY, new RunningStack(stack, engine, keepRunning));
    publish(stack.endpoints());
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
