package dev.jtest.core.services;

import dev.jtest.core.JtestException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The endpoints file could not be written, so tests run from an IDE against a kept stack could not
 * find the services. The message names the file and the reason.
 */
public class EndpointsFileException extends JtestException {

  public EndpointsFileException(Path file, IOException cause) {
    super(
        "cannot write the services' endpoints to "
            + file
            + ": "
            + cause
            + "; check that the build directory is writable and the disk not full",
        cause);
  }
}
