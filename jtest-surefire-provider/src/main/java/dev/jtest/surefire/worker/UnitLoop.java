package dev.jtest.surefire.worker;

import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import dev.jtest.surefire.Engines;
import dev.jtest.surefire.wire.Message;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.platform.engine.Filter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * What a worker does with its units, wherever it runs (a worker JVM, or Surefire's fork itself with
 * one worker): one launcher request per unit, its events and output streamed back as messages.
 */
public final class UnitLoop implements AutoCloseable {

  private final Map<String, String> configuration;
  private final WorkerChannel channel;
  private final boolean capture;
  private final LauncherSession session;
  private final Launcher launcher;
  private final Filter<?>[] engines;
  private final CoverageBoundaries coverage;

  /**
   * Opens the launcher session the worker keeps for its life: a launcher from {@code
   * LauncherFactory.create()} opens a new session per request, looking engines and listeners up
   * again each time, which cost tens of milliseconds per unit. An empty discovery loads the engines
   * before the worker says hello.
   *
   * @param capture whether what tests print is filed under them (else left on the console)
   */
  UnitLoop(Map<String, String> configuration, WorkerChannel channel, boolean capture) {
    this.configuration = configuration;
    this.channel = channel;
    this.capture = capture;
    Logger.getLogger("org.junit").setLevel(Level.WARNING);
    this.session = LauncherFactory.openSession();
    this.launcher = session.getLauncher();
    this.engines = Engines.filters(UnitLoop.class.getClassLoader()).toArray(Filter<?>[]::new);
    launcher.discover(request().filters(engines).configurationParameters(configuration).build());
    this.coverage =
        CoverageBoundaries.of(
            System::getProperty,
            java.nio.file.Path.of(System.getProperty("basedir", System.getProperty("user.dir"))));
  }

  /**
   * A loop for the worker in Surefire's fork, whose messages go straight onto the coordinator's
   * queue; what tests print is captured as in a worker JVM.
   */
  public static UnitLoop inFork(Map<String, String> configuration, Consumer<Message> queue) {
    return new UnitLoop(configuration, WorkerChannel.into(queue), true);
  }

  /** Says hello as worker {@code index} of process {@code pid}: ready for work. */
  public void hello(int index, long pid) {
    channel.send(Message.of(Message.Type.HELLO, String.valueOf(index), String.valueOf(pid)));
  }

  /** Runs the units of {@code RUN} commands, in order, until a {@code STOP}. */
  public void serve(BlockingQueue<Message> commands) throws InterruptedException {
    while (true) {
      Message command = commands.take();
      if (command.type() == Message.Type.STOP) {
        return;
      }
      List<String> fields = command.fields();
      run(new LinkedHashSet<>(fields.subList(1, fields.size())));
      channel.send(Message.of(Message.Type.UNIT_DONE, fields.get(0)));
    }
  }

  private void run(Set<String> ids) {
    WorkerListener listener = new WorkerListener(channel, ids, coverage);
    PrintStream out = System.out;
    PrintStream err = System.err;
    OutputForwarder stdout = null;
    OutputForwarder stderr = null;
    if (capture) {
      Charset charset = Charset.defaultCharset();
      stdout = new OutputForwarder(charset, line -> listener.output(line, true));
      stderr = new OutputForwarder(charset, line -> listener.output(line, false));
      System.setOut(new PrintStream(stdout, true, charset));
      System.setErr(new PrintStream(stderr, true, charset));
    }
    try {
      launcher.execute(UnitRequest.of(ids, engines, configuration), listener);
    } finally {
      if (capture) {
        System.out.flush();
        System.err.flush();
        stdout.drain();
        stderr.drain();
        System.setOut(out);
        System.setErr(err);
      }
    }
  }

  @Override
  public void close() {
    session.close();
  }
}
