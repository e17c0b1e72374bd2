package dev.jtest.core.compose;

import dev.jtest.core.ConfigurationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compose's byte values ({@code shm_size}, {@code mem_limit}, {@code
 * deploy.resources.limits.memory}, blkio rates), read as {@code docker compose} reads them: a whole
 * number of bytes ({@code -1} included, which some keys take as "unlimited"), or an amount with a
 * unit {@code b}, {@code k}, {@code m}, {@code g}, {@code t} or {@code p}, optionally followed by
 * {@code b} or {@code ib}, in any case and with an optional space ({@code 64m}, {@code 1gb}, {@code
 * 1.5 GiB}). Units are powers of 1024 whether written {@code kb} or {@code kib}, as Docker's own
 * parser does.
 */
public final class ComposeBytes {

  private static final Pattern AMOUNT =
      Pattern.compile("(\\d+(?:\\.\\d+)?) ?(?:([kmgtp])i?b?|b)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern WHOLE = Pattern.compile("-?\\d+");
  private static final Map<String, Integer> POWER = Map.of("k", 1, "m", 2, "g", 3, "t", 4, "p", 5);

  private ComposeBytes() {}

  /**
   * Parses {@code text}; a fraction of a byte is dropped, as compose drops it.
   *
   * @param where the key's place, for the message ("compose.yaml:12: service 'db': shm_size")
   * @throws ConfigurationException when {@code text} is not a byte value, or too large
   */
  public static long parse(String text, String where) {
    String value = text == null ? "" : text.trim();
    try {
      if (WHOLE.matcher(value).matches()) {
        return Long.parseLong(value);
      }
      Matcher matcher = AMOUNT.matcher(value);
      if (matcher.matches()) {
        String unit = matcher.group(2);
        int power = unit == null ? 0 : POWER.get(unit.toLowerCase(Locale.ROOT));
        return new BigDecimal(matcher.group(1))
            .multiply(BigDecimal.valueOf(1024).pow(power))
            .setScale(0, RoundingMode.DOWN)
            .longValueExact();
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // Falls through to the message: only a number too large for 64 bits gets here.
    }
    throw new ConfigurationException(
        where
            + ": '"
            + text
            + "' is not a byte value: use a number of bytes or an amount with a unit, e.g."
            + " '64m', '1gb', '512k' (units: b, k, m, g, t, p; 'kb' and 'kib' are both 1024"
            + " bytes)");
  }
}
