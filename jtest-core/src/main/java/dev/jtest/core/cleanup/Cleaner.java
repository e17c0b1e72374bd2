package dev.jtest.core.cleanup;

import java.util.List;

/**
 * Finds and removes the test data in one service: the records whose name starts with the test-data
 * prefix ({@code "TEST "} by default).
 */
public interface Cleaner {

  /** {@code <service>#<n>}: the service and the cleaner's 1-based place in the compose file. */
  String id();

  /** The test data present now: one line per record. Changes nothing. */
  List<String> show(String prefix);

  /**
   * Removes the test data.
   *
   * @return how many records were removed, when the cleaner can tell; else the count {@link #show}
   *     saw before
   */
  int clean(String prefix);
}
