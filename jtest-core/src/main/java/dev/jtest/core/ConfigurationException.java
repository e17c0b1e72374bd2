package dev.jtest.core;

/**
 * The user's configuration is wrong: a compose file, a {@code jtest.*} property, a plugin
 * parameter.
 */
public class ConfigurationException extends JtestException {

  public ConfigurationException(String message) {
    super(message);
  }

  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
