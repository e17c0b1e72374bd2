package dev.jtest.core.coverage;

import dev.jtest.core.ConfigurationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jacoco.core.analysis.ICoverageNode.CounterEntity;

/**
 * A minimum covered ratio for one JaCoCo counter, over all services together.
 *
 * @param counter the counter: instruction, line, branch, method, class or complexity
 * @param minimum the covered ratio required, 0..1
 */
public record CoverageRule(CounterEntity counter, double minimum) {

  /**
   * Parses {@code line:0.80,branch:0.60}.
   *
   * @param origin where the text came from, for messages
   * @throws ConfigurationException naming the bad counter or ratio
   */
  public static List<CoverageRule> parse(String text, String origin) {
    List<CoverageRule> rules = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return rules;
    }
    for (String part : text.split(",")) {
      String[] pair = part.trim().split(":");
      if (pair.length != 2) {
        throw new ConfigurationException(
            origin + ": '" + part.trim() + "' is not COUNTER:RATIO, e.g. line:0.80");
      }
      rules.add(of(pair[0], pair[1], origin));
    }
    return rules;
  }

  /** One rule from its counter name and ratio text. */
  public static CoverageRule of(String counter, String ratio, String origin) {
    CounterEntity entity;
    try {
      entity = CounterEntity.valueOf(counter.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(
          origin
              + ": unknown coverage counter '"
              + counter.trim()
              + "' (known: "
              + String.join(
                  ", ",
                  Arrays.stream(CounterEntity.values())
                      .map(c -> c.name().toLowerCase(Locale.ROOT))
                      .toList())
              + ")");
    }
    double minimum;
    try {
      minimum = Double.parseDouble(ratio.trim());
    } catch (NumberFormatException e) {
      throw new ConfigurationException(
          origin + ": '" + ratio.trim() + "' is not a ratio: use a number from 0 to 1, e.g. 0.80");
    }
    if (minimum < 0 || minimum > 1) {
      throw new ConfigurationException(
          origin
              + ": ratio "
              + ratio.trim()
              + " for "
              + counter.trim()
              + " is outside 0..1 (0.80 means 80 %)");
    }
    return new CoverageRule(entity, minimum);
  }
}
