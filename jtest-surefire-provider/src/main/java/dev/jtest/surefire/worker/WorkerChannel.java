package dev.jtest.surefire.worker;

import dev.jtest.surefire.wire.Message;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

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
      throw new UncheckedIOException("jtest worker lost its coordinator", e);
    }
  }
}
