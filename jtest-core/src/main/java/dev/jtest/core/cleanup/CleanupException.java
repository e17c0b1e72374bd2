package dev.jtest.core.cleanup;

import dev.jtest.core.JtestException;

/**
 * A cleaner failed: its message names the cleaner, what it ran or requested, and what came back.
 */
public class CleanupException extends JtestException {

  public CleanupException(String message) {
    super(message);
  }
}
