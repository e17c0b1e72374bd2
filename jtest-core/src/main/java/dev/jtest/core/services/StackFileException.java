package dev.jtest.core.services;

import dev.jtest.core.JtestException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A file jtest keeps in {@code target/jtest} (a service's log, the state, the readiness timings,
 * the endpoints) cannot be written. Its message names the file, the system's reason and what to
 * check.
 */
public class StackFileException extends JtestException {

  StackFileException(Path file, IOException cause) {
    super(
        "cannot write "
            + file
            + " ("
            + cause
            + "): check that "
            + file.getParent()
            + " is writable and its disk is not full",
        cause);
  }
}
