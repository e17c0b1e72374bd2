package dev.jtest.core.coverage;

/**
 * A service for {@link ShutdownDumpTest}, run in a JVM of its own: registers many shutdown hooks
 * besides the one whose lines are checked, each a little slow to start (as thread starts are on a
 * loaded machine), so that the JVM, which starts hooks one by one in an order of its own, may start
 * that one well after jtest's dump hook; then waits to be stopped.
 *
 * <p>Arguments: {@code hooks} (other hooks to register), and optionally {@code removed} (register
 * one more hook and remove it again) and {@code hang} (one more hook that never ends).
 */
public final class HookedService {

  static volatile int flushed;

  private HookedService() {}

  public static void main(String[] args) throws InterruptedException {
    int others = Integer.parseInt(args[0]);
    for (int i = 0; i < others; i++) {
      Runtime.getRuntime().addShutdownHook(new SlowToStart("other-" + i));
    }
    Runtime.getRuntime().addShutdownHook(new Thread(HookedService::onShutdown, "checked"));
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("removed")) {
        Thread removed = new Thread(() -> {}, "removed");
        Runtime.getRuntime().addShutdownHook(removed);
        Runtime.getRuntime().removeShutdownHook(removed);
      } else if (args[i].equals("hang")) {
        Runtime.getRuntime().addShutdownHook(new Thread(HookedService::hang, "hanging"));
      }
    }
    System.out.println("ready");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  /** Like a real flush: takes a moment before it runs the lines the test looks for. */
  static void onShutdown() {
    pause(50);
    flushed++;
    System.out.println("flushed " + flushed);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A hook that does nothing, but takes two milliseconds to be started. */
  private static final class SlowToStart extends Thread {
    SlowToStart(String name) {
      super(() -> {}, name);
    }

    @Override
    public void start() {
      pause(2);
      super.start();
    }
  }

  static void hang() {
    pause(Long.MAX_VALUE);
  }
}
