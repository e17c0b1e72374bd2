package dev.jtest.core.engine;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Locale;

/**
 * The one place where what docker-java, httpclient5 and the JDK throw becomes jtest's typed
 * failures: {@link EngineUnavailableException} for an engine that does not answer, {@link
 * EngineException} naming the operation and its object for one that refuses.
 */
final class EngineFailures {

  static final String HINT =
      "Start an engine (on a Debian host, as root: bash docker/engine.sh from the jtest repository;"
          + " elsewhere: install Docker and start it), or point DOCKER_HOST at a running one.";

  private EngineFailures() {}

  /** The failure to report when connecting to {@code endpoint} failed with {@code failure}. */
  static EngineUnavailableException unreachable(EngineEndpoint endpoint, Throwable failure) {
    String message =
        "Docker engine not reachable at "
            + endpoint
            + " ("
            + endpoint.origin()
            + "): "
            + reason(endpoint, failure)
            + ". "
            + HINT;
    return new EngineUnavailableException(endpoint, message, failure);
  }

  /** What went wrong, judged from the innermost cause that says something. */
  static String reason(EngineEndpoint endpoint, Throwable failure) {
    Throwable root = rootCause(failure);
    String text = root.getMessage() == null ? "" : root.getMessage();
    String lower = text.toLowerCase(Locale.ROOT);
    String where =
        endpoint.socketPath().map(Object::toString).orElse(endpoint.uri().getAuthority());
    if (root instanceof NoSuchFileException || lower.contains("no such file")) {
      return "there is no socket file " + where;
    }
    if (root instanceof AccessDeniedException || lower.contains("permission denied")) {
      return "permission denied on "
          + where
          + " (add your user to the 'docker' group and log in again, or run as root)";
    }
    if (root instanceof ConnectException || lower.contains("connection refused")) {
      return endpoint.socketPath().isPresent()
          ? "the socket " + where + " exists but no engine listens on it"
          : "connection refused by " + where;
    }
    if (root instanceof UnknownHostException) {
      return "unknown host '" + endpoint.uri().getHost() + "'";
    }
    if (root instanceof SocketTimeoutException || root instanceof NoRouteToHostException) {
      return "no answer from " + where + " (" + describe(root) + ")";
    }
    return describe(root);
  }

  /**
   * The failure to report when {@code operation} (e.g. {@code "remove volume data"}) failed with
   * {@code failure}: a docker-java error, a transport error, or an error its stream reported. Keeps
   * the engine's own words; one already translated is returned as it is.
   */
  static EngineException failure(String operation, Throwable failure) {
    if (failure instanceof EngineException translated) {
      return translated;
    }
    String message =
        failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    // docker-java prefixes the HTTP status and wraps the engine's JSON: keep the engine's words.
    int start = message.indexOf("{\"message\":\"");
    if (start >= 0) {
      int end = message.lastIndexOf("\"}");
      message = message.substring(start + 12, end > start ? end : message.length());
    }
    return new EngineException(operation, message.strip(), failure);
  }

  /**
   * The failure to report when the thread waiting for {@code operation} was interrupted; restores
   * the thread's interrupt flag, which catching the exception cleared.
   */
  static EngineException interrupted(String operation, InterruptedException e) {
    Thread.currentThread().interrupt();
    return new EngineException(operation, "interrupted", e);
  }

  /** The failure to report when the registry did not deliver {@code reference} in time. */
  static EngineException pullTimedOut(String reference, Duration timeout) {
    return new EngineException(
        "pull image " + reference,
        "no answer from the registry within " + timeout.toSeconds() + " s",
        null);
  }

  /**
   * The failure to report when docker-java cannot pack {@code build}'s context, before anything is
   * sent to the engine.
   */
  static EngineException unpackableContext(ImageBuild build, RuntimeException e) {
    // docker-java wraps the IOException in a DockerClientException, or in a bare one.
    Throwable cause = rootCause(e);
    return new EngineException(
        "build image " + build.tag(),
        "cannot pack the build context "
            + build.context()
            + ": "
            + cause.getMessage()
            + ". A file that changes while the context is read (a log, say) cannot be sent:"
            + " exclude it with a .dockerignore in "
            + build.context(),
        e);
  }

  /** The failure to report when a build that succeeded left no image behind its tag. */
  static EngineException noImageAfterBuild(String tag) {
    return new EngineException(
        "build image " + tag, "the engine reports no image after the build", null);
  }

  static Throwable rootCause(Throwable failure) {
    Throwable current = failure;
    // Bounded: a cause chain with a loop must not hang the error path.
    for (int i = 0; i < 32 && current.getCause() != null && current.getCause() != current; i++) {
      current = current.getCause();
    }
    return current;
  }

  private static String describe(Throwable t) {
    return t.getMessage() == null || t.getMessage().isBlank()
        ? t.getClass().getSimpleName()
        : t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
