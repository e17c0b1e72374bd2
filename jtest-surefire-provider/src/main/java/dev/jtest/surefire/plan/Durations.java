package dev.jtest.surefire.plan;

import dev.jtest.settings.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Recorded test durations ({@code .jtest/durations.json}): a moving average per test, keyed by the
 * JUnit unique id. Tests never seen before are expected to take the median of the known ones.
 */
public final class Durations {

  /** The value of the file's {@code format} key; a file without it is foreign and replaced. */
  public static final String FORMAT = "jtest-durations/1";

  /** The last this many runs weigh in the average; older ones fade out. */
  static final int WINDOW = 5;

  private record Entry(double millis, int runs) {}

  private final Map<String, Entry> entries;

  private Durations(Map<String, Entry> entries) {
    this.entries = entries;
  }

  public static Durations empty() {
    return new Durations(new TreeMap<>());
  }

  /**
   * Reads the file; a missing one gives no durations. A corrupt or foreign file gives none either,
   * and {@code warn} is told once, naming the file: it is replaced on the next {@link #save}.
   */
  public static Durations load(Path file, Consumer<String> warn) {
    if (!Files.exists(file)) {
      return empty();
    }
    try {
      Object root = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
      if (!(root instanceof Map<?, ?> map) || !FORMAT.equals(map.get("format"))) {
        warn.accept(
            "jtest: "
                + file
                + " is not a jtest durations file (no \"format\": \""
                + FORMAT
                + "\"); it will be replaced");
        return empty();
      }
      Map<String, Entry> entries = new TreeMap<>();
      if (map.get("tests") instanceof Map<?, ?> tests) {
        for (Map.Entry<?, ?> e : tests.entrySet()) {
          if (e.getValue() instanceof Map<?, ?> v
              && v.get("ms") instanceof Double ms
              && v.get("runs") instanceof Double runs
              && ms >= 0) {
            entries.put((String) e.getKey(), new Entry(ms, Math.max(1, runs.intValue())));
          }
        }
      }
      return new Durations(entries);
    } catch (IOException | Json.MalformedJsonException | RuntimeException e) {
      warn.accept(
          "jtest: cannot read durations from "
              + file
              + " ("
              + e.getMessage()
              + "); it will be replaced");
      return empty();
    }
  }

  /** The recorded duration of a test, if any. */
  public Double known(String id) {
    Entry entry = entries.get(id);
    return entry == null ? null : entry.millis();
  }

  /** The median of all recorded durations, or 1 ms when none is known (all tests equal). */
  public double median() {
    if (entries.isEmpty()) {
      return 1;
    }
    List<Double> values = new ArrayList<>();
    entries.values().forEach(e -> values.add(e.millis()));
    values.sort(null);
    int n = values.size();
    return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
  }

  /** What a test is expected to take: its record, else the median. */
  public double estimate(String id) {
    Double known = known(id);
    return known != null ? known : median();
  }

  /** Folds in one measured run. */
  public void record(String id, double millis) {
    Entry old = entries.get(id);
    if (old == null) {
      entries.put(id, new Entry(millis, 1));
    } else {
      int runs = Math.min(old.runs() + 1, WINDOW);
      entries.put(id, new Entry(old.millis() + (millis - old.millis()) / runs, runs));
    }
  }

  /** The ids of every recorded test, sorted. */
  public List<String> ids() {
    return List.copyOf(entries.keySet());
  }

  /** How many runs weigh in a test's record; 0 when it has none. */
  public int runs(String id) {
    Entry entry = entries.get(id);
    return entry == null ? 0 : entry.runs();
  }

  /** The {@code limit} slowest recorded tests, slowest first (equal durations by id). */
  public List<String> slowest(int limit) {
    return entries.entrySet().stream()
        .sorted(
            Comparator.comparingDouble((Map.Entry<String, Entry> e) -> -e.getValue().millis())
                .thenComparing(Map.Entry::getKey))
        .limit(limit)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Sets a test's record as it is: a record taken from another store, not a measurement. */
  void put(String id, double millis, int runs) {
    entries.put(id, new Entry(millis, Math.max(1, Math.min(runs, WINDOW))));
  }

  /**
   * The records of {@code ids} alone, as they are now: a shard's own store, holding the tests it
   * ran, each with its whole moving average, so that stores of disjoint shards combine by union.
   */
  public Durations only(Collection<String> ids) {
    Map<String, Entry> kept = new TreeMap<>();
    for (String id : ids) {
      Entry entry = entries.get(id);
      if (entry != null) {
        kept.put(id, entry);
      }
    }
    return new Durations(kept);
  }

  /** Writes the file atomically (a temporary file renamed over it), creating its directory. */
  public void save(Path file) throws IOException {
    StringBuilder json = new StringBuilder();
    json.append("{\n  \"format\": ").append(Json.quote(FORMAT)).append(",\n  \"tests\": {");
    String separator = "\n";
    for (Map.Entry<String, Entry> e : entries.entrySet()) {
      json.append(separator)
          .append("    ")
          .append(Json.quote(e.getKey()))
          .append(": {\"ms\": ")
          .append(String.format(java.util.Locale.ROOT, "%.1f", e.getValue().millis()))
          .append(", \"runs\": ")
          .append(e.getValue().runs())
          .append('}');
      separator = ",\n";
    }
    json.append("\n  }\n}\n");
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, ".durations", ".tmp");
    Files.writeString(temp, json, StandardCharsets.UTF_8);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
