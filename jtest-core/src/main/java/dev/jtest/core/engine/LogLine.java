package dev.jtest.core.engine;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One line of a container's output with the time the engine received it.
 *
 * @param at when the engine logged it; {@code null} when the engine gave no time
 * @param text the line, without its newline
 */
public record LogLine(Instant at, String text) {

  /**
   * A line as the engine sends it with {@code timestamps=true}: an RFC 3339 time with nanoseconds,
   * one space, then the line ({@code 2026-11-28T02:50:00.123456789Z started}). A line without that
   * prefix keeps its text whole and has no time.
   */
  public static LogLine parse(String raw) {
    int space = raw.indexOf(' ');
    if (space < 20 || raw.charAt(4) != '-' || raw.charAt(10) != 'T') {
      return new LogLine(null, raw);
    }
    try {
      return new LogLine(Instant.parse(raw.substring(0, space)), raw.substring(space + 1));
    } catch (DateTimeParseException e) {
      return new LogLine(null, raw);
    }
  }
}
