package dev.jtest.core.cleanup;

import dev.jtest.core.ConfigurationException;
import java.util.ArrayList;
import java.util.List;

/** Runs cleaners: shows the test data they find, or removes it. */
public final class Cleanup {

  static final int SAMPLES = 20;

  /**
   * One cleaner's outcome.
   *
   * @param id {@code <service>#<n>}
   * @param count how many records it found (dry run) or removed
   * @param samples up to 20 of the records found
   */
  public record Outcome(String id, int count, List<String> samples) {}

  private Cleanup() {}

  /**
   * Shows ({@code dryRun}) or removes the test data of every cleaner.
   *
   * @throws ConfigurationException for an empty or blank prefix, which would match everything
   * @throws CleanupException when a cleaner fails (the ones before it have run)
   */
  public static List<Outcome> run(List<Cleaner> cleaners, String prefix, boolean dryRun) {
    checkPrefix(prefix);
    List<Outcome> outcomes = new ArrayList<>();
    for (Cleaner cleaner : cleaners) {
      if (dryRun) {
        List<String> found = cleaner.show(prefix);
        outcomes.add(
            new Outcome(
                cleaner.id(),
                found.size(),
                List.copyOf(found.subList(0, Math.min(SAMPLES, found.size())))));
      } else {
        outcomes.add(new Outcome(cleaner.id(), cleaner.clean(prefix), List.of()));
      }
    }
    return outcomes;
  }

  /** Refuses a prefix that would select every record. */
  public static void checkPrefix(String prefix) {
    if (prefix == null || prefix.isBlank()) {
      throw new ConfigurationException(
          "the test-data prefix is empty or blank, so it would match every record: set -Djtest.cleanup.prefix to a prefix such as 'TEST '");
    }
  }
}
