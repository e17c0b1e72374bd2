package dev.jtest.surefire.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Combines the durations stores that the shards of a CI run recorded into one.
 *
 * <p>Every shard starts from the same shared store (committed or restored from the CI cache), so a
 * record equal to the shared store's is no news (a copy of it, such as a shard's whole store
 * downloaded with the rest): for each test, the records that differ from {@code base} win over it.
 * Where several differ (two stores measured the same test: the same shard run twice, or stores from
 * different runs), their averages are combined, weighted by their runs, and the runs are the most
 * any of them had, since each already folds in the shared history. The result does not depend on
 * the order of the stores.
 */
public final class DurationsMerge {

  /** Records closer than this (the file keeps tenths of a millisecond) are the same record. */
  private static final double SAME_MILLIS = 0.05;

  /**
   * The merged store and what changed.
   *
   * @param added tests {@code base} had no record of
   * @param updated tests whose record in {@code base} was replaced
   */
  public record Result(Durations merged, int added, int updated) {}

  private DurationsMerge() {}

  private record Record(double millis, int runs) {}

  /**
   * Merges {@code stores} into a copy of {@code base}; neither is changed.
   *
   * @param base the project's own store (empty when it has none)
   * @param stores the shards' stores, in any order
   */
  public static Result merge(Durations base, List<Durations> stores) {
    Durations merged = Durations.empty();
    for (String id : base.ids()) {
      merged.put(id, base.known(id), base.runs(id));
    }
    TreeSet<String> ids = new TreeSet<>();
    stores.forEach(store -> ids.addAll(store.ids()));
    int added = 0;
    int updated = 0;
    for (String id : ids) {
      Double old = base.known(id);
      List<Record> news = new ArrayList<>();
      for (Durations store : stores) {
        Double millis = store.known(id);
        if (millis != null
            && (old == null
                || Math.abs(millis - old) >= SAME_MILLIS
                || store.runs(id) != base.runs(id))) {
          news.add(new Record(millis, store.runs(id)));
        }
      }
      if (news.isEmpty()) {
        continue;
      }
      // Summed in one order whatever the stores' order, so every machine writes the same digits.
      news.sort(Comparator.comparingDouble(Record::millis).thenComparingInt(Record::runs));
      double weighted = 0;
      int runs = 0;
      int most = 0;
      for (Record record : news) {
        weighted += record.millis() * record.runs();
        runs += record.runs();
        most = Math.max(most, record.runs());
      }
      merged.put(id, weighted / runs, most);
      if (old == null) {
        added++;
      } else {
        updated++;
      }
    }
    return new Result(merged, added, updated);
  }
}
