package dev.jtest.core.engine;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

/**
 * Turns the exception chains that docker-java, httpclient5 and the JDK throw for an engine that
 * does not answer into one sentence a user can act on.
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
