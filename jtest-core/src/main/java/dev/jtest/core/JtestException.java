package dev.jtest.core;

/**
 * A failure the user can act on. Its message names the file, key, value or service at fault and
 * says what to do; adapters print it as it is, without a stack trace.
 */
public class JtestException extends RuntimeException {

  public JtestException(String message) {
    super(message);
  }

  public JtestException(String message, Throwable cause) {
    super(message, cause);
  }
}
