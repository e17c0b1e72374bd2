package dev.jtest.surefire.coordinator;

import org.junit.jupiter.api.Test;

/** Tests that {@link ForkWorkerTest} runs in a fork worker; not run by the build itself. */
class ForkWorkerFixture {

  static volatile Thread ranOn;

  @Test
  void records() {
    ranOn = Thread.currentThread();
    System.out.println("printed by the fixture");
  }

  @Test
  void runsOutOfMemory() {
    // JUnit reports no test failure for this one: it rethrows it, as a JVM would die of it.
    throw new OutOfMemoryError("simulated");
  }
}
