package dev.jtest.core.compose;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads compose scalars as typed values: booleans, whole numbers within a range, byte values, CPUs.
 * Each returns {@code null} for an unset key and throws a {@link
 * dev.jtest.core.ConfigurationException} naming file, line, service, key, the accepted forms and
 * the value found for anything else.
 */
final class ComposeScalars {

  static final String BYTES = "a byte value such as 64m or 1gb, or a number of bytes";
  static final String WHOLE = "a whole number";
  static final String CPUS = "a number of CPUs such as 0.5 or 2";

  private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?|\\.\\d+");

  private ComposeScalars() {}

  /**
   * A boolean; {@code null} when unset. YAML 1.1's {@code yes}, {@code on}, {@code no}, {@code off}
   * are accepted as compose accepts them.
   */
  static Boolean bool(Located value) {
    String text = value.text(ServiceParser.BOOLEAN);
    if (text == null) {
      return null;
    }
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "y", "yes", "on" -> true;
      case "false", "n", "no", "off" -> false;
      default -> throw value.mismatch(ServiceParser.BOOLEAN);
    };
  }

  /** A boolean, {@code unset} when the key is absent. */
  static boolean flag(Located value, boolean unset) {
    Boolean set = bool(value);
    return set == null ? unset : set;
  }

  /** A byte value ({@link ComposeBytes}). */
  static Long bytes(Located value) {
    String text = value.text(BYTES);
    return text == null ? null : ComposeBytes.parse(text, where(value));
  }

  /** A whole number within {@code min} and {@code max} (each {@code null} for no bound). */
  static Long whole(Located value, Long min, Long max) {
    String text = value.text(WHOLE);
    if (text == null) {
      return null;
    }
    String range =
        max == null
            ? WHOLE + (min == null ? "" : ", at least " + min)
            : WHOLE + " from " + min + " to " + max;
    long number;
    try {
      number = Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw value.mismatch(range);
    }
    if ((min != null && number < min) || (max != null && number > max)) {
      throw value.mismatch(range);
    }
    return number;
  }

  /** CPUs as billionths of a CPU, as the engine's {@code NanoCpus} takes them. */
  static Long cpus(Located value) {
    String text = value.text(CPUS);
    if (text == null) {
      return null;
    }
    if (!NUMBER.matcher(text.trim()).matches()) {
      throw value.mismatch(CPUS);
    }
    return new BigDecimal(text.trim()).movePointRight(9).longValue();
  }

  /** Text that must match {@code pattern}, trimmed. */
  static String pattern(Located value, Pattern pattern, String expected) {
    String text = value.text(expected);
    if (text != null && !pattern.matcher(text.trim()).matches()) {
      throw value.mismatch(expected);
    }
    return text == null ? null : text.trim();
  }

  /** {@code value} as the {@code Integer} an engine field takes; bounds are checked before. */
  static Integer toInt(Long value) {
    return value == null ? null : Math.toIntExact(value);
  }

  /** "compose.yaml:12: service 'db': shm_size", for the byte parser's message. */
  static String where(Located value) {
    String service = value.service();
    return value.location()
        + (service == null ? "" : ": service '" + service + "'")
        + ": "
        + value.key();
  }
}
