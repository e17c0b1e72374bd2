package dev.jtest.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Waits until every service started by {@code jtest:start} is ready: its healthcheck passes and its
 * {@code x-jtest.wait} conditions hold. Fails fast with a diagnosis, removing the services first;
 * on Ctrl-C or SIGTERM meanwhile it fails as interrupted, never blaming a service jtest stopped.
 */
@Mojo(name = "ready", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class ReadyMojo extends AbstractJtestMojo {

  @Override
  protected void run() {
    Object running = project.getContextValue(STACK_KEY);
    if (running instanceof RunningStack stack) {
      try {
        if (stack.early() != null) {
          stack.early().awaitReady(listener());
        } else {
          stack.stack().awaitReady();
        }
      } catch (RuntimeException e) {
        project.setContextValue(STACK_KEY, null);
        stack.engine().close();
        throw e;
      }
    } else if (composeModel().isPresent()) {
      getLog().info("jtest: no services started in this build: run jtest:start first");
    }
  }
}
