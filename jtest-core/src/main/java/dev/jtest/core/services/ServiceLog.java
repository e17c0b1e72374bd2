package dev.jtest.core.services;

import dev.jtest.core.engine.LogLine;
import dev.jtest.settings.ServiceLogFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A service's output, written to {@code target/jtest/logs/<service>.log} as it arrives (so nothing
 * is lost when the build dies) and kept in memory for readiness checks and diagnoses. Beside it,
 * {@code <service>.times} has the time of each line, in the format {@link ServiceLogFiles} reads;
 * the log itself stays the service's own text.
 */
public final class ServiceLog {

  static final int KEPT_LINES = 5_000;

  private final Path file;
  private final List<String> lines = new ArrayList<>();
  private final CountDownLatch ended = new CountDownLatch(1);
  private BufferedWriter writer;
  private BufferedWriter times;
  private int dropped;

  /**
   * A new, empty log in {@code file}.
   *
   * @throws StackFileException when the file cannot be created
   */
  ServiceLog(Path file) {
    this.file = file;
    try {
      Files.createDirectories(file.getParent());
      writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      times = Files.newBufferedWriter(timesFile(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StackFileException(file, e);
    }
  }

  /** The file with the time of each line of the log {@code log} ({@link ServiceLogFiles}). */
  public static Path timesFile(Path log) {
    return ServiceLogFiles.timesFile(log);
  }

  /** Appends {@code line} with the engine's time of it. */
  synchronized void append(LogLine line) {
    append(line.text(), line.at());
  }

  /** Where the log is written. */
  public Path file() {
    return file;
  }

  /** Appends {@code line}, whose time the engine did not give. */
  synchronized void append(String line) {
    append(line, null);
  }

  private void append(String line, Instant at) {
    if (times != null) {
      try {
        times.write(at == null ? "" : Long.toString(at.toEpochMilli()));
        times.newLine();
        times.flush();
      } catch (IOException e) {
        times = null;
      }
    }
    if (lines.size() >= KEPT_LINES) {
      lines.remove(0);
      dropped++;
    }
    lines.add(line);
    if (writer != null) {
      try {
        writer.write(line);
        writer.newLine();
        writer.flush();
      } catch (IOException e) {
        writer = null;
      }
    }
  }

  /**
   * Replaces what was captured with {@code all}, e.g. the engine's full log of a kept container.
   */
  synchronized void replaceWith(List<String> all) {
    lines.clear();
    dropped = 0;
    try {
      if (writer != null) {
        writer.close();
      }
      if (times != null) {
        times.close();
      }
      writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      times = Files.newBufferedWriter(timesFile(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      writer = null;
      times = null;
    }
    all.forEach(this::append);
  }

  /** The lines captured so far (the last {@value #KEPT_LINES}). */
  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** The last {@code count} lines. */
  public synchronized List<String> tail(int count) {
    return List.copyOf(lines.subList(Math.max(0, lines.size() - count), lines.size()));
  }

  /** How many lines were captured in all. */
  public synchronized int count() {
    return lines.size() + dropped;
  }

  void markEnded() {
    ended.countDown();
  }

  /** Waits until the engine closed the stream (the container stopped). */
  boolean awaitEnd(long millis) throws InterruptedException {
    return ended.await(millis, TimeUnit.MILLISECONDS);
  }

  synchronized void close() {
    for (BufferedWriter open : new BufferedWriter[] {writer, times}) {
      if (open != null) {
        try {
          open.close();
        } catch (IOException e) {
          // The lines are flushed as they come; a failing close loses nothing.
        }
      }
    }
    writer = null;
    times = null;
  }
}
