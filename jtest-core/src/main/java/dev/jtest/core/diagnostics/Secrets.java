package dev.jtest.core.diagnostics;

import java.util.Locale;
import java.util.Set;

/** Hides values of environment entries whose names suggest a secret. */
public final class Secrets {

  private static final Set<String> MARKERS =
      Set.of("PASSWORD", "PASSWD", "SECRET", "TOKEN", "KEY", "CREDENTIAL");

  private Secrets() {}

  /** Whether {@code name} looks like it holds a secret. */
  public static boolean isSecret(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    return MARKERS.stream().anyMatch(upper::contains);
  }

  /** {@code KEY=value}, with the value replaced by {@code ****} when the key names a secret. */
  public static String redactEntry(String entry) {
    int equals = entry.indexOf('=');
    if (equals < 0) {
      return entry;
    }
    String name = entry.substring(0, equals);
    return isSecret(name) ? name + "=****" : entry;
  }
}
