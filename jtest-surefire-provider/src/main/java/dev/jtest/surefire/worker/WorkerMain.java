package dev.jtest.surefire.worker;

import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import dev.jtest.settings.Settings;
import dev.jtest.surefire.Engines;
import dev.jtest.surefire.wire.Message;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.platform.engine.Filter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A worker JVM: connects to the coordinator on the loopback interface, then runs the units it is
 * handed, one launcher request each ({@link UnitRequest}), and streams what happens back. It exits
 * when told to, and halts at once when the coordinator goes away (a killed or timed-out fork leaves
 * no worker behind).
 */
public final class WorkerMain {

  /** Key prefixes in the settings file. */
  public static final String SYSTEM_PREFIX = "system.";

  public static final String CONFIG_PREFIX = "config.";

  private WorkerMain() {}

  public static void main(String[] args) throws Exception {
    int index = Settings.WORKER.read(System::getProperty);
    Map<String, String> configuration =
        loadSettings(Path.of(Settings.WORKER_SETTINGS.read(System::getProperty)));
    Logger.getLogger("org.junit").setLevel(Level.WARNING);
    // One session for the worker's life: a launcher from LauncherFactory.create() opens a new
    // session per request, looking engines and listeners up again each time, which cost tens of
    // milliseconds per unit. An empty discovery loads the engines before the worker says hello.
    LauncherSession session = LauncherFactory.openSession();
    Launcher launcher = session.getLauncher();
    Filter<?>[] engines =
        Engines.filters(WorkerMain.class.getClassLoader()).toArray(Filter<?>[]::new);
    launcher.discover(request().filters(engines).configurationParameters(configuration).build());

    Socket socket =
        new Socket(
            InetAddress.getLoopbackAddress(), Settings.COORDINATOR_PORT.read(System::getProperty));
    socket.setTcpNoDelay(true);
    WorkerChannel channel =
        new WorkerChannel(new DataOutputStream(new BufferedOutputStream(socket.getOutputStream())));
    BlockingQueue<Message> commands = new LinkedBlockingQueue<>();
    startReader(socket.getInputStream(), commands);
    channel.send(
        Message.of(Message.Type.HELLO, String.valueOf(index), ProcessHandle.current().pid() + ""));

    boolean capture = !Settings.WORKER_UNCAPTURED.read(System::getProperty);
    while (true) {
      Message command = commands.take();
      if (command.type() == Message.Type.STOP) {
        session.close();
        System.out.flush();
        System.err.flush();
        socket.close();
        System.exit(0);
      }
      List<String> fields = command.fields();
      Set<String> ids = new LinkedHashSet<>(fields.subList(1, fields.size()));
      WorkerListener listener = new WorkerListener(channel, ids);
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
      channel.send(Message.of(Message.Type.UNIT_DONE, fields.get(0)));
    }
  }

  private static Map<String, String> loadSettings(Path file) throws IOException {
    Properties settings = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      settings.load(in);
    }
    Map<String, String> configuration = new HashMap<>();
    for (String key : settings.stringPropertyNames()) {
      String value = settings.getProperty(key);
      if (key.startsWith(SYSTEM_PREFIX)) {
        String name = key.substring(SYSTEM_PREFIX.length());
        // What the worker's own command line set (its index, the debug agent's needs) wins.
        if (System.getProperty(name) == null) {
          System.setProperty(name, value);
        }
      } else if (key.startsWith(CONFIG_PREFIX)) {
        configuration.put(key.substring(CONFIG_PREFIX.length()), value);
      }
    }
    return configuration;
  }

  private static void startReader(InputStream stream, BlockingQueue<Message> commands) {
    Thread reader =
        new Thread(
            () -> {
              try (DataInputStream in = new DataInputStream(new BufferedInputStream(stream))) {
                while (true) {
                  Message message = Message.readFrom(in);
                  commands.put(message);
                  if (message.type() == Message.Type.STOP) {
                    return;
                  }
                }
              } catch (IOException | InterruptedException e) {
                // The coordinator is gone (finished, killed or timed out): nothing may outlive it.
                Runtime.getRuntime().halt(3);
              }
            },
            "jtest-coordinator-reader");
    reader.setDaemon(true);
    reader.start();
  }
}
