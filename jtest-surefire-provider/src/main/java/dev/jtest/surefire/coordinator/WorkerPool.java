package dev.jtest.surefire.coordinator;

import dev.jtest.settings.Keys;
import dev.jtest.surefire.JtestRunException;
import dev.jtest.surefire.wire.Message;
import dev.jtest.surefire.worker.WorkerMain;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The workers of one run: starts their JVMs (same java, class path and JVM options as the fork),
 * accepts their connections on a loopback port, and puts everything they say on one queue for the
 * coordinator's single thread. With one worker and no debugger, that worker is a {@link ForkWorker}
 * in the fork itself instead.
 */
final class WorkerPool implements AutoCloseable {

  /**
   * Something a worker said, or its end ({@code message == null}: its connection closed). {@code
   * source} tells a replaced worker's last words from its successor's.
   */
  record Inbound(int worker, Worker source, Message message) {}

  /** How many lines of a worker's own output are kept to explain its death. */
  private static final int TAIL_LINES = 30;

  private final List<String> command;
  private final Path settingsFile;
  private final int debugPort;
  private final Consumer<String> console;
  private final ServerSocket server;
  private final BlockingQueue<Inbound> inbound = new LinkedBlockingQueue<>();
  private final Map<Integer, Worker> workers = new ConcurrentHashMap<>();
  private final ForkWorker fork;

  /** One worker: a JVM ({@code process}), or the fork's own ({@code commands}). */
  static final class Worker {
    final int index;
    final Process process;
    final BlockingQueue<Message> commands;
    final Deque<String> tail = new ArrayDeque<>();
    volatile DataOutputStream out;
    volatile Socket socket;
    volatile Throwable failure;

    Worker(int index, Process process, BlockingQueue<Message> commands) {
      this.index = index;
      this.process = process;
      this.commands = commands;
    }

    /** Ends a worker in the fork, keeping the trace of what ended it as its last output. */
    void failed(Throwable thrown) {
      failure = thrown;
      StringWriter trace = new StringWriter();
      thrown.printStackTrace(new PrintWriter(trace));
      // Its top says what and where; the bottom is the fork's own frames.
      trace.toString().lines().limit(TAIL_LINES).forEach(this::remember);
    }

    synchronized void remember(String line) {
      tail.addLast(line);
      if (tail.size() > TAIL_LINES) {
        tail.removeFirst();
      }
    }

    synchronized List<String> tail() {
      return new ArrayList<>(tail);
    }
  }

  /**
   * @param jvmOptions the options for every worker JVM (the fork's own, less any debug agent)
   * @param debugPort the JDWP port for a suspended debug worker, or 0
   * @param console where a debug worker's output is streamed, uncaptured
   * @param inFork whether worker 1 runs in this JVM, served by {@link #serveInFork}
   */
  WorkerPool(
      Path javaExecutable,
      List<String> jvmOptions,
      String classPath,
      Path settingsFile,
      int debugPort,
      Consumer<String> console,
      boolean inFork)
      throws IOException {
    this.fork = inFork ? new ForkWorker(inbound) : null;
    this.settingsFile = settingsFile;
    this.debugPort = debugPort;
    this.console = console;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    List<String> base = new ArrayList<>();
    base.add(javaExecutable.toString());
    base.addAll(jvmOptions);
    base.add("-cp");
    base.add(classPath);
    this.command = base;
    Thread acceptor = new Thread(this::acceptLoop, "jtest-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  BlockingQueue<Inbound> inbound() {
    return inbound;
  }

  /** Whether worker 1 runs in this JVM. */
  boolean inFork() {
    return fork != null;
  }

  /**
   * Serves the worker in this JVM on the calling thread while {@code coordination} runs on another,
   * until the pool closes.
   */
  void serveInFork(Map<String, String> configuration, ForkWorker.Coordination coordination)
      throws IOException, InterruptedException {
    fork.serveWhile(configuration, this, coordination);
  }

  /** Starts worker {@code index}; it says HELLO on the queue once it is ready for work. */
  void start(int index) {
    if (fork != null && index == 1) {
      Worker worker = new Worker(index, null, new LinkedBlockingQueue<>());
      workers.put(index, worker);
      fork.start(worker);
      return;
    }
    List<String> cmd = new ArrayList<>(command);
    int insertAt = cmd.indexOf("-cp");
    List<String> own = new ArrayList<>();
    own.add("-D" + Keys.WORKER + "=" + index);
    own.add("-D" + Keys.COORDINATOR_PORT + "=" + server.getLocalPort());
    own.add("-D" + Keys.WORKER_SETTINGS + "=" + settingsFile);
    if (debugPort > 0) {
      own.add(
          "-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:" + debugPort);
      own.add("-D" + Keys.WORKER_UNCAPTURED + "=true");
    }
    cmd.addAll(insertAt, own);
    cmd.add(WorkerMain.class.getName());
    try {
      Process process =
          new ProcessBuilder(cmd)
              .directory(Path.of(System.getProperty("user.dir")).toFile())
              .redirectErrorStream(true)
              .start();
      Worker worker = new Worker(index, process, null);
      workers.put(index, worker);
      Thread drain = new Thread(() -> drain(worker), "jtest-worker-" + index + "-output");
      drain.setDaemon(true);
      drain.start();
    } catch (IOException e) {
      throw new JtestRunException(
          "cannot start jtest worker JVM "
              + cmd.get(0)
              + " ("
              + e.getMessage()
              + "): it is the java that runs Surefire's fork; check the <jvm> of Surefire/Failsafe"
              + " and JAVA_HOME",
          e);
    }
  }

  Worker worker(int index) {
    return workers.get(index);
  }

  /** The indices of the workers started and not stopped, in order. */
  java.util.SortedSet<Integer> indices() {
    return new java.util.TreeSet<>(workers.keySet());
  }

  void send(int index, Message message) {
    Worker worker = workers.get(index);
    if (worker.commands != null) {
      worker.commands.add(message);
      return;
    }
    try {
      message.writeTo(worker.out);
      worker.out.flush();
    } catch (IOException e) {
      // Its death arrives on the queue through the reader; nothing to add here.
    }
  }

  /**
   * How a dead worker ended, for a message: its JVM's exit code (waiting for it, killing it if it
   * hangs on its way out), or what ended the fork's own worker.
   */
  String ending(int index) {
    Worker worker = workers.get(index);
    if (worker.process == null) {
      return "ended in Surefire's fork with " + worker.failure;
    }
    return "exited with code " + exitCode(worker);
  }

  private static int exitCode(Worker worker) {
    try {
      if (!worker.process.waitFor(10, TimeUnit.SECONDS)) {
        worker.process.destroyForcibly();
        worker.process.waitFor(10, TimeUnit.SECONDS);
      }
      return worker.process.exitValue();
    } catch (InterruptedException | IllegalThreadStateException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /**
   * Tells the workers to exit, forgets them, and waits until their JVMs have exited: all told
   * first, so that they exit side by side rather than one after the other.
   */
  void stop(Collection<Integer> indices) {
    List<Process> exiting = new ArrayList<>();
    for (Integer index : indices) {
      Worker worker = workers.remove(index);
      if (worker == null) {
        continue;
      }
      if (worker.commands != null) {
        worker.commands.add(Message.of(Message.Type.STOP));
      } else if (worker.out == null) {
        // Not connected yet: nothing to tell it, and nothing of it to wait for.
        worker.process.destroy();
      } else {
        try {
          Message.of(Message.Type.STOP).writeTo(worker.out);
          worker.out.flush();
        } catch (IOException e) {
          // Already gone.
        }
        exiting.add(worker.process);
      }
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    for (Process process : exiting) {
      try {
        if (!process.waitFor(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  void forget(int index) {
    workers.remove(index);
  }

  @Override
  public void close() {
    stop(new ArrayList<>(workers.keySet()));
    try {
      server.close();
    } catch (IOException e) {
      // Nothing listens any more either way.
    }
    if (fork != null) {
      fork.end();
    }
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        socket.setTcpNoDelay(true);
        Thread reader = new Thread(() -> read(socket), "jtest-worker-reader");
        reader.setDaemon(true);
        reader.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void read(Socket socket) {
    Worker worker = null;
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(socket.getInputStream()))) {
      Message hello = Message.readFrom(in);
      int index = Integer.parseInt(hello.field(0));
      worker = workers.get(index);
      if (worker == null) {
        socket.close();
        return;
      }
      worker.socket = socket;
      worker.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
      inbound.put(new Inbound(index, worker, hello));
      while (true) {
        inbound.put(new Inbound(index, worker, Message.readFrom(in)));
      }
    } catch (IOException | RuntimeException e) {
      if (worker != null) {
        inbound.add(new Inbound(worker.index, worker, null));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void drain(Worker worker) {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(worker.process.getInputStream(), Charset.defaultCharset()))) {
      String line;
      while ((line = reader.readLine()) != null) {
        worker.remember(line);
        if (debugPort > 0) {
          console.accept(line);
        }
      }
    } catch (IOException e) {
      // The process is gone; its tail is what we kept.
    }
    // A worker that dies before it connects is reported from here, since no reader exists.
    if (worker.socket == null && workers.get(worker.index) == worker) {
      inbound.add(new Inbound(worker.index, worker, null));
    }
  }
}
