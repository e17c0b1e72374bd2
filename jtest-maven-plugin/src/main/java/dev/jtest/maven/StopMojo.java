package dev.jtest.maven;

import dev.jtest.core.engine.Engine;
import dev.jtest.core.engine.EngineEndpoint;
import dev.jtest.core.services.RunInterruptedException;
import dev.jtest.core.services.Stack;
import dev.jtest.core.services.StackState;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Stops and removes the services, keeping every service's log in {@code target/jtest/logs}. Bound
 * after the integration tests, so it runs whether they pass or fail; first it names each service
 * that died while the tests ran (exit code, time). Fails when the build was interrupted (Ctrl-C,
 * SIGTERM) during the tests, whose results are then incomplete. Run alone ({@code mvn jtest:stop})
 * it removes a stack kept with {@code -Djtest.keepRunning}.
 */
@Mojo(name = "stop", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public class StopMojo extends AbstractJtestMojo {

  @Override
  protected void run() {
    Object running = project.getContextValue(STACK_KEY);
    if (running instanceof RunningStack stack) {
      project.setContextValue(STACK_KEY, null);
      project.setContextValue(StartMojo.STOPPER_KEY, null);
      try {
        if (stack.stack().interrupted()) {
          // Returns once the shutdown hook has removed the services.
          stack.stack().stop();
          // Failing here keeps Failsafe's verify from reporting the partial count as a result.
          throw new RunInterruptedException(
              "the build was interrupted (Ctrl-C or SIGTERM) while the tests ran: their results"
                  + " are incomplete, so this build has none; the services were removed, their"
                  + " logs are in "
                  + workDir().resolve("logs"));
        }
        stack.stack().reportExitedServices();
        if (stack.keepRunning()) {
          stack.stack().keep();
        } else {
          stack.stack().stop();
        }
      } finally {
        stack.engine().close();
      }
      return;
    }
    if (StackState.read(workDir()).isEmpty()) {
      if (!composeFiles().isEmpty()) {
        getLog().info("jtest: no running stack for this project: nothing to stop");
      }
      return;
    }
    try (Engine engine = Engine.connect(EngineEndpoint.fromEnvironment())) {
      Stack.stopRecorded(engine, workDir(), listener());
    }
  }
}
