package dev.jtest.core;

import java.util.Collection;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean …?" for a misspelt key or property name. */
public final class Suggestions {

  /** More edits than this is another word, not a typo of it. */
  private static final int MOST_EDITS = 2;

  private Suggestions() {}

  /**
   * The known name that {@code name} is most likely a typo of: at most two edits away, and fewer
   * edits than half its length (so that a short name does not match every other short name).
   */
  public static Optional<String> closest(String name, Collection<String> known) {
    LevenshteinDistance distance = new LevenshteinDistance(MOST_EDITS);
    String best = null;
    int bestEdits = Integer.MAX_VALUE;
    for (String candidate : known.stream().sorted().toList()) {
      int edits = distance.apply(name, candidate);
      if (edits >= 0 && edits < bestEdits && edits * 2 < name.length()) {
        best = candidate;
        bestEdits = edits;
      }
    }
    return Optional.ofNullable(best);
  }

  /** {@code ": did you mean 'services'?"}, or empty when nothing is close. */
  public static String didYouMean(String name, Collection<String> known) {
    return closest(name, known).map(c -> ": did you mean '" + c + "'?").orElse("");
  }
}
