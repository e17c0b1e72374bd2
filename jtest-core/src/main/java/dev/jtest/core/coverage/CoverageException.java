package dev.jtest.core.coverage;

import dev.jtest.core.JtestException;

/**
 * Coverage could not be prepared, harvested or reported for a reason outside the tests: a file
 * jtest cannot read or write, or a damaged jtest installation. The message names the file and what
 * to do.
 */
public class CoverageException extends JtestException {

  public CoverageException(String message) {
    super(message);
  }

  public CoverageException(String message, Throwable cause) {
    super(message, cause);
  }
}
