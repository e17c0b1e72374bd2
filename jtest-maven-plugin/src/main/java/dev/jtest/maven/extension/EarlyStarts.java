package dev.jtest.maven.extension;

import dev.jtest.core.services.StackListener;
import dev.jtest.maven.EarlyStack;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.ExecutionListener;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;

/**
 * Begins each project's background start when the build of that project begins, at its first goal
 * outside the clean lifecycle: after {@code clean} has deleted {@code target/} (where the stack
 * writes), and never for a project the build does not reach (an earlier module failed).
 *
 * <p>Maven's execution listener is wrapped, not replaced: every event still goes to it.
 */
final class EarlyStarts implements InvocationHandler {

  private final ExecutionListener delegate;
  private final Map<String, Pending> pending;

  /** A start that waits for its project's first goal. */
  record Pending(EarlyStack.Request request, StackListener unadopted) {}

  private EarlyStarts(ExecutionListener delegate, Map<String, Pending> pending) {
    this.delegate = delegate;
    this.pending = new ConcurrentHashMap<>(pending);
  }

  /**
   * Wraps the session's execution listener so that the given projects' stacks start in the
   * background when their builds begin.
   *
   * @param pending by project id ({@link MavenProject#getId()})
   */
  static void install(MavenSession session, Map<String, Pending> pending) {
    if (pending.isEmpty()) {
      return;
    }
    MavenExecutionRequest request = session.getRequest();
    ExecutionListener wrapped =
        (ExecutionListener)
            Proxy.newProxyInstance(
                EarlyStarts.class.getClassLoader(),
                new Class<?>[] {ExecutionListener.class},
                new EarlyStarts(request.getExecutionListener(), pending));
    request.setExecutionListener(wrapped);
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "equals" -> proxy == args[0];
        case "hashCode" -> System.identityHashCode(proxy);
        default -> "jtest early start around " + delegate;
      };
    }
    if (method.getName().equals("mojoStarted") && args[0] instanceof ExecutionEvent event) {
      begin(event);
    }
    if (delegate == null) {
      return null;
    }
    try {
      return method.invoke(delegate, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private void begin(ExecutionEvent event) {
    MavenProject project = event.getProject();
    MojoExecution mojo = event.getMojoExecution();
    if (project == null || mojo == null || isClean(mojo)) {
      return;
    }
    Pending start = pending.remove(project.getId());
    if (start != null) {
      project.setContextValue(
          EarlyStack.KEY,
          EarlyStack.begin(start.request(), start.unadopted(), project.getArtifactId()));
    }
  }

  private static boolean isClean(MojoExecution mojo) {
    String phase = mojo.getLifecyclePhase();
    return phase != null && EarlyStartPolicy.CLEAN_PHASES.contains(phase)
        || "maven-clean-plugin".equals(mojo.getArtifactId());
  }
}
