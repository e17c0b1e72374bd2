package dev.jtest.surefire.worker;

import dev.jtest.settings.Settings;
import dev.jtest.surefire.wire.Message;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A worker JVM: connects to the coordinator on the loopback interface, then runs the units it is
 * handed with a {@link UnitLoop}. It exits when told to, and halts at once when the coordinator
 * goes away (a killed or timed-out fork leaves no worker behind).
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
    Socket socket =
        new Socket(
            InetAddress.getLoopbackAddress(), Settings.COORDINATOR_PORT.read(System::getProperty));
    socket.setTcpNoDelay(true);
    WorkerChannel channel =
        WorkerChannel.over(
            new DataOutputStream(new BufferedOutputStream(socket.getOutputStream())));
    BlockingQueue<Message> commands = new LinkedBlockingQueue<>();
    boolean capture = !Settings.WORKER_UNCAPTURED.read(System::getProperty);
    UnitLoop loop = new UnitLoop(configuration, channel, capture);
    startReader(socket.getInputStream(), commands);
    loop.hello(index, ProcessHandle.current().pid());
    loop.serve(commands);
    loop.close();
    System.out.flush();
    System.err.flush();
    socket.close();
    System.exit(0);
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
