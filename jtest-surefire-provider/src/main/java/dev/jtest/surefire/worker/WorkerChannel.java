package dev.jtest.surefire.worker;

import dev.jtest.surefire.JtestRunException;
import dev.jtest.surefire.wire.Message;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * The worker's side of its connection: messages from any thread, one at a time, over a socket (a
 * worker JVM) or straight onto the coordinator's queue (the worker in Surefire's fork).
 */
final class WorkerChannel {

  /** Hands one message on; a socket's write may fail. */
  private interface Sender {
    void send(Message message) throws IOException;
  }

  private final Sender sender;

  private WorkerChannel(Sender sender) {
    this.sender = sender;
  }

  /** A channel over a worker JVM's connection to the coordinator. */
  static WorkerChannel over(DataOutputStream out) {
    return new WorkerChannel(
        message -> {
          message.writeTo(out);
          out.flush();
        });
  }

  /** A channel into the coordinator's own queue, for a worker in the same JVM. */
  static WorkerChannel into(Consumer<Message> queue) {
    return new WorkerChannel(queue::accept);
  }

  synchronized void send(Message message) {
    try {
      sender.send(message);
    } catch (IOException e) {
      // Nobody is left to report to: the worker ends, and the coordinator's own failure (or
      // Surefire's) says why.
      throw new JtestRunException(
          "jtest worker lost its coordinator (" + e.getMessage() + "): the Surefire fork ended", e);
    }
  }
}
