package dev.jtest.surefire.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hands units to workers as they become free. Not thread-safe: the coordinator calls it from one
 * thread.
 */
public abstract class Dispatcher {

  /** The next unit for worker {@code worker} (1-based), or empty when nothing is left for it. */
  public abstract Optional<WorkUnit> next(int worker);

  /** Puts back a unit that could not run to the end (its worker died), to be handed out first. */
  public abstract void requeue(WorkUnit unit);

  public abstract boolean isEmpty();

  /**
   * Dynamic pull from one queue, longest expected first: whichever worker is free takes the head.
   * Greedy list scheduling in LPT order, one unit at a time ({@code class} and {@code module}).
   */
  public static Dispatcher pull(List<WorkUnit> units) {
    return new Pull(units, 0);
  }

  /**
   * {@code load}: dynamic pull as {@link #pull}, but a free worker takes, from the head, units
   * worth about 1/(2W) of the expected work still queued (guided self-scheduling; at least one
   * unit). Early batches are large, the last ones single units, so the end balances as with {@code
   * pull}, and JUnit's cost per launcher request (tens of milliseconds in a cold worker JVM) is
   * paid a logarithmic number of times instead of once per test.
   *
   * <p>A class is handed out test by test only when its tests are a large part of the run (more
   * than 1/(4W) of the expected work); a shorter class goes to one worker whole. Split over
   * workers, a class runs its {@code @BeforeAll} on each (a fixture that fails once then passes
   * would be reported twice), and a launcher request discovers every class it touches again, which
   * for thousands of fast tests in deep abstract hierarchies costs more than running them; a short
   * class gains nothing from being split. The queue keeps each class's units together.
   */
  public static Dispatcher load(List<WorkUnit> units, int workers) {
    return new Pull(shortClassesWhole(units, workers), workers);
  }

  /** {@link #load}'s queue: long classes unit by unit, short ones as one unit, longest first. */
  static List<WorkUnit> shortClassesWhole(List<WorkUnit> units, int workers) {
    double longClass = total(units) / (4.0 * Math.max(1, workers));
    return byClassLongestFirst(pieces(units, longClass).stream().map(WorkUnit::merge).toList());
  }

  /**
   * What is handed out together: each class's units whole, except a class whose expected total is
   * over {@code limit}, whose units go one by one. Longest first.
   */
  static List<List<WorkUnit>> pieces(List<WorkUnit> units, double limit) {
    List<List<WorkUnit>> pieces = new ArrayList<>();
    for (List<WorkUnit> group : classGroups(units)) {
      if (total(group) > limit) {
        group.forEach(unit -> pieces.add(List.of(unit)));
      } else {
        pieces.add(group);
      }
    }
    pieces.sort(Comparator.comparingDouble(Dispatcher::total).reversed());
    return pieces;
  }

  /**
   * {@code fast}: LPT over {@code workers} queues (each unit, longest first, goes to the queue with
   * the least expected work), then stealing: a worker whose queue is empty takes, from the short
   * end of the queue with the most expected work left, units worth up to half of that queue.
   *
   * <p>A worker gets the units of its own queue in batches run as one launcher request, each about
   * half of what its queue still holds (guided self-scheduling): JUnit's cost per request is paid a
   * logarithmic number of times instead of once per test, while the last batches stay small enough
   * to balance the end.
   *
   * <p>A class goes to one queue whole unless its tests alone are more than a worker's share of the
   * work (then its units are spread as above), and a queue keeps each class's units together, for
   * the reason {@link #load} gives; stealing evens out what whole classes leave uneven.
   */
  public static Dispatcher fast(List<WorkUnit> units, int workers) {
    return new Fast(units, workers);
  }

  /** Units in the order a serial phase runs them: as discovered. */
  public static Dispatcher inOrder(List<WorkUnit> units) {
    return new InOrder(units);
  }

  /**
   * Units grouped by the class they belong to (their first item's top-level class), the groups
   * longest first by their expected total, each group's units longest first. Stable.
   */
  static List<WorkUnit> byClassLongestFirst(List<WorkUnit> units) {
    List<WorkUnit> ordered = new ArrayList<>();
    for (List<WorkUnit> group : classGroups(units)) {
      ordered.addAll(group);
    }
    return ordered;
  }

  /** {@link #byClassLongestFirst}'s groups. */
  static List<List<WorkUnit>> classGroups(List<WorkUnit> units) {
    Map<String, List<WorkUnit>> groups = new LinkedHashMap<>();
    for (WorkUnit unit : longestFirst(units)) {
      groups.computeIfAbsent(unit.items().get(0).topClass(), c -> new ArrayList<>()).add(unit);
    }
    List<List<WorkUnit>> sorted = new ArrayList<>(groups.values());
    sorted.sort(Comparator.comparingDouble(Dispatcher::total).reversed());
    return sorted;
  }

  static double total(List<WorkUnit> units) {
    return units.stream().mapToDouble(WorkUnit::estimateMillis).sum();
  }

  static List<WorkUnit> longestFirst(List<WorkUnit> units) {
    List<WorkUnit> sorted = new ArrayList<>(units);
    // Stable: equal estimates keep discovery order.
    sorted.sort(Comparator.comparingDouble(WorkUnit::estimateMillis).reversed());
    return sorted;
  }

  private static class InOrder extends Dispatcher {
    final Deque<WorkUnit> queue;

    InOrder(List<WorkUnit> units) {
      queue = new ArrayDeque<>(units);
    }

    @Override
    public Optional<WorkUnit> next(int worker) {
      return Optional.ofNullable(queue.pollFirst());
    }

    @Override
    public void requeue(WorkUnit unit) {
      queue.addFirst(unit);
    }

    @Override
    public boolean isEmpty() {
      return queue.isEmpty();
    }
  }

  private static final class Pull extends InOrder {
    private final int workers;

    Pull(List<WorkUnit> units, int workers) {
      super(longestFirst(units));
      this.workers = workers;
    }

    @Override
    public Optional<WorkUnit> next(int worker) {
      if (workers == 0 || queue.isEmpty()) {
        return super.next(worker);
      }
      double share = queue.stream().mapToDouble(WorkUnit::estimateMillis).sum() / (2.0 * workers);
      return Optional.of(takeBatch(queue, share));
    }
  }

  /** Takes units from the head while they fit in {@code share}; always at least one. */
  static WorkUnit takeBatch(Deque<WorkUnit> queue, double share) {
    List<WorkUnit> batch = new ArrayList<>();
    double taken = 0;
    while (!queue.isEmpty()
        && (batch.isEmpty() || taken + queue.peekFirst().estimateMillis() <= share)) {
      WorkUnit unit = queue.pollFirst();
      batch.add(unit);
      taken += unit.estimateMillis();
    }
    return WorkUnit.merge(batch);
  }

  static final class Fast extends Dispatcher {
    private final List<Deque<WorkUnit>> queues = new ArrayList<>();
    private final double[] load;

    Fast(List<WorkUnit> units, int workers) {
      load = new double[workers];
      List<List<WorkUnit>> assigned = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        assigned.add(new ArrayList<>());
      }
      // Whole classes by LPT, largest first; a class bigger than a worker's share unit by unit.
      for (List<WorkUnit> piece : pieces(units, total(units) / workers)) {
        int least = 0;
        for (int w = 1; w < workers; w++) {
          if (load[w] < load[least]) {
            least = w;
          }
        }
        assigned.get(least).addAll(piece);
        load[least] += total(piece);
      }
      for (List<WorkUnit> queue : assigned) {
        queues.add(new ArrayDeque<>(byClassLongestFirst(queue)));
      }
    }

    /** The expected work queued for each worker, index 0 for worker 1. */
    double[] plannedLoad() {
      return load.clone();
    }

    @Override
    public Optional<WorkUnit> next(int worker) {
      Deque<WorkUnit> own = queues.get((worker - 1) % queues.size());
      if (!own.isEmpty()) {
        return Optional.of(
            takeBatch(own, own.stream().mapToDouble(WorkUnit::estimateMillis).sum() / 2));
      }
      Deque<WorkUnit> victim = null;
      double most = -1;
      for (Deque<WorkUnit> queue : queues) {
        double left = queue.stream().mapToDouble(WorkUnit::estimateMillis).sum();
        if (!queue.isEmpty() && left > most) {
          most = left;
          victim = queue;
        }
      }
      if (victim == null) {
        return Optional.empty();
      }
      // Up to half of the victim's queue, from its short end: a worker that started late, or
      // whose tests ran longer than recorded, hands over work as fast as the others run dry.
      List<WorkUnit> stolen = new ArrayList<>();
      double taken = 0;
      while (!victim.isEmpty()
          && (stolen.isEmpty() || taken + victim.peekLast().estimateMillis() <= most / 2)) {
        WorkUnit unit = victim.pollLast();
        stolen.add(0, unit);
        taken += unit.estimateMillis();
      }
      return Optional.of(WorkUnit.merge(stolen));
    }

    @Override
    public void requeue(WorkUnit unit) {
      Deque<WorkUnit> shortest = queues.get(0);
      for (Deque<WorkUnit> queue : queues) {
        if (queue.size() < shortest.size()) {
          shortest = queue;
        }
      }
      shortest.addFirst(unit);
    }

    @Override
    public boolean isEmpty() {
      return queues.stream().allMatch(Deque::isEmpty);
    }
  }
}
