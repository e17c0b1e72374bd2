package dev.jtest.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The services' logs as {@code jtest:start} writes them, and the lines they logged within a time
 * window: what places a service's output in the test that ran then. Each service has {@code
 * logs/<service>.log} (its own text, a line per line) and, beside it, {@code <service>.times}: the
 * engine's time of each line, line for line, in epoch milliseconds, empty where the engine gave
 * none (lines jtest adds itself, which take the time of the line before them). The core writes
 * them; the provider's fork reads them, so the format has its one place here.
 */
public final class ServiceLogFiles {

  /** The directory of the logs in jtest's work directory ({@link Settings#workDirectory}). */
  public static final String DIRECTORY = "logs";

  private ServiceLogFiles() {}

  /** One line a service logged, with its time. */
  public record Line(String service, Instant at, String text) {}

  /**
   * The file with the time of each line of the log {@code log} ({@code db.log}: {@code db.times}).
   */
  public static Path timesFile(Path log) {
    String name = log.getFileName().toString();
    String base = name.endsWith(".log") ? name.substring(0, name.length() - 4) : name;
    return log.resolveSibling(base + ".times");
  }

  /**
   * Every service's lines logged from {@code from} to {@code to} (both included), in time order,
   * services by name where times are equal. A log without its times file, or whose lines have no
   * time before the window, contributes only lines it can place.
   *
   * @param logs the {@value #DIRECTORY} directory
   * @throws IOException when a log cannot be read
   */
  public static List<Line> within(Path logs, Instant from, Instant to) throws IOException {
    List<Line> found = new ArrayList<>();
    if (!Files.isDirectory(logs)) {
      return found;
    }
    List<Path> files;
    try (Stream<Path> listed = Files.list(logs)) {
      files = listed.filter(f -> f.toString().endsWith(".log")).sorted().toList();
    }
    for (Path log : files) {
      Path times = timesFile(log);
      if (!Files.isRegularFile(times)) {
        continue;
      }
      String name = log.getFileName().toString();
      String service = name.substring(0, name.length() - 4);
      List<String> texts = Files.readAllLines(log, StandardCharsets.UTF_8);
      List<String> stamps = Files.readAllLines(times, StandardCharsets.UTF_8);
      Instant last = null;
      // A line written while the times file was not (a write failed) has no time: stop there.
      for (int i = 0; i < Math.min(texts.size(), stamps.size()); i++) {
        Instant at = time(stamps.get(i), last);
        last = at;
        if (at != null && !at.isBefore(from) && !at.isAfter(to)) {
          found.add(new Line(service, at, texts.get(i)));
        }
      }
    }
    found.sort(Comparator.comparing(Line::at).thenComparing(Line::service));
    return found;
  }

  private static Instant time(String stamp, Instant previous) {
    String text = stamp.strip();
    if (text.isEmpty()) {
      return previous;
    }
    try {
      return Instant.ofEpochMilli(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return previous;
    }
  }
}
