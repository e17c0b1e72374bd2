package dev.jtest.settings;

/**
 * A {@code jtest.*} setting has a value jtest cannot use. The message names the property and the
 * value and says what would be accepted; it is shown to the user as it is.
 */
public class InvalidSettingException extends RuntimeException {

  public InvalidSettingException(String message) {
    super(message);
  }
}
