package dev.jtest.core.engine;

import dev.jtest.core.JtestException;
import java.util.Locale;

/**
 * The engine refused an operation. Callers add what the user needs to know (which service, which
 * key of the compose file); {@link #engineMessage()} is the engine's own words.
 */
public class EngineException extends JtestException {

  private final String operation;
  private final String engineMessage;

  EngineException(String operation, String engineMessage, Throwable cause) {
    super(operation + " failed: " + engineMessage, cause);
    this.operation = operation;
    this.engineMessage = engineMessage;
  }

  /** What jtest asked for, e.g. {@code start container jtest-ab12-db}. */
  public String operation() {
    return operation;
  }

  /** What the engine answered. */
  public String engineMessage() {
    return engineMessage;
  }

  /** Whether the engine failed because a host port is taken. */
  public boolean isPortConflict() {
    String text = engineMessage.toLowerCase(Locale.ROOT);
    return text.contains("port is already allocated") || text.contains("address already in use");
  }
}
