package dev.jtest.surefire.plan;

import dev.jtest.surefire.InvalidSettingException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How tests are cut into units and handed to workers ({@code jtest.dist}). */
public enum Distribution {
  /** One unit per test method, pulled by whichever worker is free, longest known first. */
  LOAD,
  /** One unit per class: all methods of a class on one worker. */
  CLASS,
  /** One unit per source file: a top-level class and its nested classes on one worker. */
  MODULE,
  /** Per-method units balanced over the workers by recorded duration, then stolen when idle. */
  FAST;

  public static Distribution parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException(
          "Invalid jtest.dist=\""
              + value
              + "\": use one of "
              + Arrays.stream(values())
                  .map(d -> d.name().toLowerCase(Locale.ROOT))
                  .collect(Collectors.joining(", ")));
    }
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
