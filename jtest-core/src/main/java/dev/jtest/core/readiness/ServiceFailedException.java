package dev.jtest.core.readiness;

import dev.jtest.core.JtestException;

/** A service cannot become ready: it exited, became unhealthy, or timed out. */
public class ServiceFailedException extends JtestException {

  private final String service;

  public ServiceFailedException(String service, String message) {
    super(message);
    this.service = service;
  }

  /** The service at fault. */
  public String service() {
    return service;
  }
}
