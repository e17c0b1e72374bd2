package dev.jtest.surefire;

/**
 * The run cannot go on, for a reason the user can act on (versions that do not match, no tests
 * where tests were expected, a worker JVM that cannot start). The message says why and what to do.
 */
public class JtestRunException extends RuntimeException {

  public JtestRunException(String message) {
    super(message);
  }

  public JtestRunException(String message, Throwable cause) {
    super(message, cause);
  }
}
