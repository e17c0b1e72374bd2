package dev.jtest.core.engine;

import dev.jtest.core.JtestException;

/** No Docker engine answers at the resolved endpoint; the message says why and what to do. */
public class EngineUnavailableException extends JtestException {

  private final EngineEndpoint endpoint;

  EngineUnavailableException(EngineEndpoint endpoint, String message, Throwable cause) {
    super(message, cause);
    this.endpoint = endpoint;
  }

  /** The address that was tried. */
  public EngineEndpoint endpoint() {
    return endpoint;
  }
}
