package dev.jtest.surefire.coordinator;

import dev.jtest.surefire.coordinator.WorkerPool.Inbound;
import dev.jtest.surefire.coordinator.WorkerPool.Worker;
import dev.jtest.surefire.worker.UnitLoop;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The one worker of a run with {@code jtest.workers=1}, in Surefire's fork itself: no JVM to start
 * and no second loading of the test classes. It runs its units on the fork's main thread, where
 * Surefire's own provider runs tests, while the coordinator moves to a thread of its own; it speaks
 * the same messages as a worker JVM, onto the pool's queue.
 */
final class ForkWorker {

  /** What the coordinator does while the fork's thread serves the worker. */
  interface Coordination {
    void run() throws IOException, InterruptedException;
  }

  /** Put on {@link #starts} when the pool closes. */
  private static final Worker END = new Worker(0, null, null);

  private final BlockingQueue<Worker> starts = new LinkedBlockingQueue<>();
  private final BlockingQueue<Inbound> inbound;

  ForkWorker(BlockingQueue<Inbound> inbound) {
    this.inbound = inbound;
  }

  /** Asks the serving thread to start {@code worker} (the first, or one replacing a dead one). */
  void start(Worker worker) {
    starts.add(worker);
  }

  /** Ends {@link #serve} once its current worker has stopped. */
  void end() {
    starts.add(END);
  }

  /**
   * Runs {@code coordination} on a thread of its own and serves the worker on this one until the
   * pool closes, then rethrows what the coordination threw.
   *
   * @param configuration the JUnit configuration parameters, as a worker JVM gets them
   */
  void serveWhile(Map<String, String> configuration, WorkerPool pool, Coordination coordination)
      throws IOException, InterruptedException {
    Throwable[] failure = new Throwable[1];
    Thread coordinator =
        new Thread(
            () -> {
              try {
                coordination.run();
              } catch (Throwable e) {
                failure[0] = e;
              } finally {
                pool.close();
              }
            },
            "jtest-coordinator");
    // Discovery looks engines and listeners up through the context class loader: the tests' one.
    coordinator.setContextClassLoader(Thread.currentThread().getContextClassLoader());
    coordinator.setDaemon(true);
    coordinator.start();
    serve(configuration);
    coordinator.join();
    rethrow(failure[0]);
  }

  private void serve(Map<String, String> configuration) throws InterruptedException {
    while (true) {
      Worker worker = starts.take();
      if (worker == END) {
        return;
      }
      UnitLoop loop = null;
      try {
        loop =
            UnitLoop.inFork(
                configuration, message -> inbound.add(new Inbound(worker.index, worker, message)));
        loop.hello(worker.index, ProcessHandle.current().pid());
        loop.serve(worker.commands);
      } catch (InterruptedException e) {
        throw e;
      } catch (Throwable e) {
        // What kills a worker JVM (an OutOfMemoryError out of JUnit, say) ends this worker: the
        // coordinator reports it as a worker's death and starts another.
        worker.failed(e);
        inbound.add(new Inbound(worker.index, worker, null));
      } finally {
        if (loop != null) {
          loop.close();
        }
      }
    }
  }

  private static void rethrow(Throwable failure) throws IOException, InterruptedException {
    if (failure instanceof IOException e) {
      throw e;
    }
    if (failure instanceof InterruptedException e) {
      throw e;
    }
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
  }
}
