package dev.jtest.surefire.coordinator;

import dev.jtest.settings.ServiceLogFiles;
import dev.jtest.surefire.coordinator.PhaseReport.Bar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * For every test that failed, the lines each service logged while it ran: from the logs {@code
 * jtest:start} keeps with the engine's time of each line ({@link ServiceLogFiles}), the lines from
 * a second before the test started to a second after it ended (the engine's clock and a worker's
 * differ a little, and Podman times lines to the second), written to {@code failures/<test>.log} in
 * jtest's work directory. In the parallel phase other workers' tests ran at the same time and their
 * lines interleave: the slice's header names them.
 */
final class FailureContext {

  /** How far before a test's start and after its end a service's line still counts. */
  static final long MARGIN_MILLIS = 1000;

  /**
   * How long before the run's first test the services' newest log line may have been written for
   * the logs to be this run's: older ones are an earlier build's (a {@code mvn test} after a {@code
   * verify}), whose services are gone.
   */
  static final long STALE_MILLIS = 30 * 60 * 1000;

  /** The directory of the slices in jtest's work directory. */
  static final String DIRECTORY = "failures";

  private static final Set<String> FAILED = Set.of("FAILED", "CRASHED");

  private FailureContext() {}

  /** Whether {@code test} failed or crashed its worker: the tests that get a slice. */
  static boolean failed(Bar test) {
    return FAILED.contains(test.outcome());
  }

  /** At most how many of a slice's lines go into the test's report; the file has them all. */
  static final int REPORT_LINES = 500;

  /**
   * One failed test's slice.
   *
   * @param text the file's lines, its header first
   */
  record Slice(
      Bar test,
      Path file,
      int lines,
      List<String> alongside,
      List<String> excerpt,
      List<String> text) {

    /**
     * Where the timeline links the test's bar: the file relative to jtest's work directory, where
     * the timeline is.
     */
    String href() {
      return DIRECTORY + "/" + file.getFileName();
    }

    /**
     * The slice as the failed test's output in its report: its lines (the last {@value
     * #REPORT_LINES} of a longer one), then the file as an attachment in the form the Jenkins JUnit
     * Attachments plugin and GitLab's test reports read from {@code system-out}, relative to the
     * project's directory as GitLab wants a file of the job's artifacts.
     */
    String reportText(Path baseDir) {
      List<String> out = new ArrayList<>();
      out.add(
          "---- jtest: what the services logged while this test ran ("
              + lines
              + " line(s)), from "
              + baseDir.relativize(file.toAbsolutePath())
              + " ----");
      int header = text.size() - lines;
      out.addAll(text.subList(0, header));
      if (lines > REPORT_LINES) {
        out.add("# … " + (lines - REPORT_LINES) + " earlier line(s) only in the file");
      }
      out.addAll(text.subList(text.size() - Math.min(lines, REPORT_LINES), text.size()));
      out.add("[[ATTACHMENT|" + baseDir.relativize(file.toAbsolutePath()) + "]]");
      return String.join("\n", out);
    }
  }

  /**
   * Writes a slice for each failed test of {@code phases}; none when the project's services left no
   * timed logs (a project without services, or jtest:start from before the times were kept).
   *
   * @param workDirectory jtest's work directory, whose {@value ServiceLogFiles#DIRECTORY} it reads
   * @param taken the file names given so far in this run, by name without suffix: every slice of a
   *     run (a test's failed reruns included) gets its own file
   * @throws IOException when a log cannot be read or a slice cannot be written
   */
  static List<Slice> write(Path workDirectory, List<PhaseReport> phases, Map<String, Integer> taken)
      throws IOException {
    Path logs = workDirectory.resolve(ServiceLogFiles.DIRECTORY);
    List<Slice> slices = new ArrayList<>();
    long firstStart =
        phases.stream().flatMap(p -> p.bars().stream()).mapToLong(Bar::start).min().orElse(0);
    if (!Files.isDirectory(logs) || newestTimes(logs) < firstStart - STALE_MILLIS) {
      return slices;
    }
    for (PhaseReport phase : phases) {
      for (Bar test : phase.bars()) {
        if (!failed(test)) {
          continue;
        }
        Instant from = Instant.ofEpochMilli(test.start() - MARGIN_MILLIS);
        Instant to = Instant.ofEpochMilli(test.end() + MARGIN_MILLIS);
        List<ServiceLogFiles.Line> lines = ServiceLogFiles.within(logs, from, to);
        List<String> alongside = alongside(phase, test, from.toEpochMilli(), to.toEpochMilli());
        Path file = workDirectory.resolve(DIRECTORY).resolve(fileName(test.label(), taken));
        Files.createDirectories(file.getParent());
        List<String> text = text(phase, test, lines, alongside);
        Files.write(file, text, StandardCharsets.UTF_8);
        List<String> excerpt = new ArrayList<>();
        for (ServiceLogFiles.Line line :
            lines.subList(Math.max(0, lines.size() - 5), lines.size())) {
          excerpt.add(line.service() + " | " + line.text());
        }
        slices.add(new Slice(test, file, lines.size(), alongside, excerpt, text));
      }
    }
    return slices;
  }

  /** When a service last logged a line, as its times file says; 0 without any. */
  private static long newestTimes(Path logs) throws IOException {
    try (Stream<Path> files = Files.list(logs)) {
      long newest = 0;
      for (Path file : files.filter(f -> f.toString().endsWith(".times")).toList()) {
        newest = Math.max(newest, Files.getLastModifiedTime(file).toMillis());
      }
      return newest;
    }
  }

  /** The tests other workers ran within the window, whose services' lines may interleave. */
  static List<String> alongside(PhaseReport phase, Bar test, long from, long to) {
    List<String> others = new ArrayList<>();
    for (Bar other : phase.bars()) {
      if (other != test
          && other.worker() != test.worker()
          && other.start() <= to
          && other.end() >= from
          && !others.contains(other.label())) {
        others.add(other.label());
      }
    }
    return others;
  }

  /**
   * A file name for {@code label}, unique within the run: its characters safe in any file system.
   */
  static String fileName(String label, Map<String, Integer> taken) {
    String base = label.replaceAll("[^A-Za-z0-9._-]+", "_");
    if (base.length() > 150) {
      base = base.substring(0, 150);
    }
    int seen = taken.merge(base, 1, Integer::sum);
    return (seen == 1 ? base : base + "-" + seen) + ".log";
  }

  private static List<String> text(
      PhaseReport phase, Bar test, List<ServiceLogFiles.Line> lines, List<String> alongside) {
    List<String> text = new ArrayList<>();
    text.add("# " + test.label() + " " + test.outcome().toLowerCase(Locale.ROOT));
    text.add(
        "# "
            + phase.name()
            + " phase, worker "
            + test.worker()
            + ", from "
            + Instant.ofEpochMilli(test.start())
            + " to "
            + Instant.ofEpochMilli(test.end())
            + "; the services' lines from "
            + MARGIN_MILLIS / 1000.0
            + " s before to "
            + MARGIN_MILLIS / 1000.0
            + " s after, times from the test's start");
    if (!alongside.isEmpty()) {
      text.add(
          "# other workers ran at the same time, so their lines interleave: "
              + String.join(", ", alongside));
    }
    if (lines.isEmpty()) {
      text.add("# no service logged a line in that time");
    }
    for (ServiceLogFiles.Line line : lines) {
      text.add(
          String.format(
              Locale.ROOT,
              "%+8.3fs %s | %s",
              (line.at().toEpochMilli() - test.start()) / 1000.0,
              line.service(),
              line.text()));
    }
    return text;
  }
}
