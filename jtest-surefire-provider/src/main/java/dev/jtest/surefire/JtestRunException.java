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

  /** A class that Surefire's scan found in the test classes cannot be loaded. */
  public static JtestRunException unloadableTestClass(String name, ClassNotFoundException e) {
    return new JtestRunException(
        "test class "
            + name
            + ", found by Surefire's scan, cannot be loaded ("
            + e
            + "): rebuild the test classes (mvn clean verify)",
        e);
  }
}
