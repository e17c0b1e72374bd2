package dev.jtest.core.services;

import dev.jtest.core.JtestException;

/**
 * The JVM began to shut down (Ctrl-C, SIGTERM) while the stack ran: whatever failed afterwards was
 * the interruption's doing (jtest itself stopped the services), not the services' fault.
 */
public class RunInterruptedException extends JtestException {

  public RunInterruptedException(String message) {
    super(message);
  }
}
