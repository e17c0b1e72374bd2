package dev.jtest.core.services;

import dev.jtest.core.engine.ContainerFacts;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Calls the {@link ServiceHooks} around a service's readiness and stop so that a hook that fails is
 * a warning: extra work such as coverage must never keep a stack from running or being removed.
 */
final class GuardedHooks {

  private final ServiceHooks hooks;
  private final StackListener listener;

  GuardedHooks(ServiceHooks hooks, StackListener listener) {
    this.hooks = hooks;
    this.listener = listener;
  }

  void ready(ServiceRuntime service) {
    guard(service.name() + ": when ready", () -> hooks.ready(service));
  }

  void beforeStop(ServiceRuntime service) {
    guard(service.name() + ": before its stop", () -> hooks.beforeStop(service));
  }

  /** {@code facts} inspects the stopped container; its failure is the hook's. */
  void afterStop(ServiceRuntime service, Supplier<Optional<ContainerFacts>> facts) {
    guard(service.name() + ": after its stop", () -> hooks.afterStop(service, facts.get()));
  }

  void stopped() {
    guard("after stopping the services", hooks::stopped);
  }

  private void guard(String when, Runnable hook) {
    try {
      hook.run();
    } catch (RuntimeException e) {
      listener.warn(when + ": " + e.getMessage());
    }
  }
}
