package dev.jtest.surefire.worker;

import dev.jtest.surefire.JtestRunException;
import dev.jtest.surefire.wire.Message;
import java.io.DataOutputStream;
import java.io.IOException;

/** The worker's side of its connection: messages from any thread, one at a time. */
final class WorkerChannel {

  private final DataOutputStream out;

  WorkerChannel(DataOutputStream out) {
    this.out = out;
  }

  synchronized void send(Message message) {
    try {
      message.writeTo(out);
      out.flush();
    } catch (IOException e) {
      // Nobody is left to report to: the worker ends, and the coordinator's own failure (or
      // Surefire's) says why.
      throw new JtestRunException(
          "jtest worker lost its coordinator (" + e.getMessage() + "): the Surefire fork ended", e);
    }
  }
}
