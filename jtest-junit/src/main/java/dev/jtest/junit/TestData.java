package dev.jtest.junit;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apiguardian.api.API;

/**
 * Test data for one test: names that {@code jtest:cleanup} recognises, and teardown actions that
 * run after the test whether it passed, failed or threw, in reverse order of registration. Injected
 * by {@link WithServices} as a test method or constructor parameter.
 *
 * <pre>{@code
 * @Test
 * void registersAClient(@ComposeService("auth") ServiceEndpoint auth, TestData data) {
 *   String name = data.name("client");                 // "TEST client 3f2a9c"
 *   String id = register(auth, name);
 *   data.onTeardown(() -> delete(auth, id));
 * }
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class TestData {

  /** An action that may throw, run at teardown. */
  @API(status = STABLE, since = "0.1")
  @FunctionalInterface
  public interface Teardown {
    void run() throws Exception;
  }

  private final String prefix;
  private final Deque<Teardown> teardowns = new ArrayDeque<>();

  TestData(String prefix) {
    this.prefix = prefix;
  }

  /** The test-data prefix: {@code -Djtest.cleanup.prefix}, {@code "TEST "} by default. */
  public String prefix() {
    return prefix;
  }

  /** A unique name for a record of this test: {@code TEST <label> <6 hex digits>}. */
  public String name(String label) {
    return prefix
        + label
        + " "
        + String.format("%06x", ThreadLocalRandom.current().nextInt(0x1000000));
  }

  /** Registers {@code action} to run after the test, before the ones registered earlier. */
  public void onTeardown(Teardown action) {
    synchronized (teardowns) {
      teardowns.push(action);
    }
  }

  /** Runs every action, newest first; returns what they threw, in that order. */
  List<Throwable> tearDown() {
    List<Throwable> failures = new ArrayList<>();
    while (true) {
      Teardown next;
      synchronized (teardowns) {
        next = teardowns.poll();
      }
      if (next == null) {
        return failures;
      }
      try {
        next.run();
      } catch (Throwable t) {
        failures.add(t);
      }
    }
  }
}
