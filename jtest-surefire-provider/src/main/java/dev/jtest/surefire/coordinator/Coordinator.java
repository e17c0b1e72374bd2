package dev.jtest.surefire.coordinator;

import dev.jtest.surefire.JtestRunException;
import dev.jtest.surefire.coordinator.PhaseReport.Bar;
import dev.jtest.surefire.coordinator.WorkerPool.Inbound;
import dev.jtest.surefire.plan.Dispatcher;
import dev.jtest.surefire.plan.Durations;
import dev.jtest.surefire.plan.TestItem;
import dev.jtest.surefire.plan.WorkUnit;
import dev.jtest.surefire.wire.Message;
import dev.jtest.surefire.wire.ReportEvent;
import dev.jtest.surefire.wire.ReportEvent.Failure;
import dev.jtest.surefire.wire.ReportEvent.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs phases on the worker pool: hands units to free workers, files what they report, records
 * durations and the timeline, and replaces a worker that dies, reporting the test it was running as
 * an error. Single-threaded: everything arrives on the pool's queue.
 */
final class Coordinator {

  private static final int OUTPUT_LINES = 20;

  /** What a worker is doing with its current unit. */
  private static final class Running {
    final WorkUnit unit;
    // By id: a batch of thousands of fast tests would otherwise be searched once per test.
    final Map<String, TestItem> items = new HashMap<>();
    final long start;
    final Set<String> touched = new HashSet<>();
    final Map<String, Long> itemStarts = new HashMap<>();
    final Map<String, ReportEvent> runningTests = new LinkedHashMap<>();
    final Deque<String> output = new ArrayDeque<>();
    // Items whose invocations failed: a parameterized test or a factory ends SUCCESSFUL as a
    // container however many of its invocations failed.
    final Set<String> failedWithin = new HashSet<>();

    Running(WorkUnit unit, long start) {
      this.unit = unit;
      unit.items().forEach(item -> items.put(item.id(), item));
      this.start = start;
    }
  }

  private final WorkerPool pool;
  private final Durations durations;
  private final boolean armTimeout;
  private boolean armed;
  private final Set<Integer> connected = new HashSet<>();
  private final Map<String, String> failing = new LinkedHashMap<>();
  private final Map<String, TestItem> seen = new HashMap<>();
  private final Map<String, String> lastFailure = new HashMap<>();
  private final List<FlakyTests.Attempt> attempts = new ArrayList<>();
  private int nextUnitId = 100_000;

  /**
   * @param armTimeout report the first test set as it starts, for Surefire's fork timeout
   */
  Coordinator(WorkerPool pool, Durations durations, boolean armTimeout) {
    this.pool = pool;
    this.durations = durations;
    this.armTimeout = armTimeout;
  }

  /** Unique ids of the tests and classes that failed in the last phase, with their top class. */
  Map<String, String> failing() {
    return new LinkedHashMap<>(failing);
  }

  /** The item of a test as it first ran, with its label; null for an id never handed out. */
  TestItem seen(String id) {
    return seen.get(id);
  }

  /** Every run of a test so far, over all phases and reruns, in the order they ended. */
  List<FlakyTests.Attempt> attempts() {
    return List.copyOf(attempts);
  }

  void forgetFailures() {
    failing.clear();
  }

  /**
   * Runs units to the end on workers 1..{@code workers}, stopping any worker above that.
   *
   * @throws JtestRunException when a worker JVM cannot start at all
   */
  PhaseReport run(
      String name, int workers, int tests, Dispatcher dispatcher, ReportCollector collector)
      throws InterruptedException {
    long phaseStart = System.currentTimeMillis();
    List<Integer> unneeded = pool.indices().stream().filter(index -> index > workers).toList();
    pool.stop(unneeded);
    connected.removeAll(unneeded);
    Set<Integer> idle = new TreeSet<>();
    for (int w = 1; w <= workers; w++) {
      if (connected.contains(w)) {
        idle.add(w);
      } else if (pool.worker(w) == null) {
        pool.start(w);
      }
    }
    Map<Integer, Running> running = new TreeMap<>();
    List<Bar> bars = new ArrayList<>();
    List<Bar> units = new ArrayList<>();
    while (true) {
      for (Integer w : new ArrayList<>(idle)) {
        var unit = dispatcher.next(w);
        if (unit.isEmpty()) {
          break;
        }
        List<String> fields = new ArrayList<>();
        fields.add(String.valueOf(unit.get().id()));
        unit.get().items().forEach(i -> fields.add(i.id()));
        pool.send(w, new Message(Message.Type.RUN, System.currentTimeMillis(), fields));
        running.put(w, new Running(unit.get(), System.currentTimeMillis()));
        unit.get().items().forEach(item -> seen.putIfAbsent(item.id(), item));
        idle.remove(w);
      }
      if (running.isEmpty() && dispatcher.isEmpty()) {
        break;
      }
      Inbound in = pool.inbound().take();
      if (pool.worker(in.worker()) != in.source()) {
        continue; // The last words of a worker already replaced or stopped.
      }
      int w = in.worker();
      Message message = in.message();
      Running current = running.get(w);
      if (message == null) {
        running.remove(w);
        died(w, current, dispatcher, collector, bars, units);
        if (!dispatcher.isEmpty() || !running.isEmpty()) {
          pool.start(w);
        }
        continue;
      }
      switch (message.type()) {
        case HELLO -> {
          connected.add(w);
          idle.add(w);
        }
        case ITEM_STARTED -> {
          current.touched.add(message.field(0));
          current.itemStarts.put(message.field(0), message.time());
        }
        case ITEM_FINISHED -> itemFinished(w, current, message, bars);
        case REPORT -> report(current, message, collector);
        case UNIT_DONE -> {
          running.remove(w);
          units.add(new Bar(w, current.unit.label(), current.start, message.time(), "UNIT"));
          collector.done(current.unit.items());
          idle.add(w);
        }
        default -> throw new IllegalStateException("unexpected " + message.type());
      }
    }
    return new PhaseReport(
        name, workers, tests, bars, units, System.currentTimeMillis() - phaseStart);
  }

  private void itemFinished(int w, Running current, Message message, List<Bar> bars) {
    String id = message.field(0);
    String status = message.field(1);
    current.touched.add(id);
    Long start = current.itemStarts.get(id);
    TestItem item = current.items.get(id);
    String label = item == null ? id : item.label();
    if (status.equals("SUCCESSFUL") && current.failedWithin.contains(id)) {
      status = "FAILED";
    }
    bars.add(new Bar(w, label, start == null ? message.time() : start, message.time(), status, id));
    if (start != null && !status.equals("SKIPPED")) {
      durations.record(id, message.time() - start);
    }
    attempts.add(
        new FlakyTests.Attempt(
            id, label, item == null ? null : item.className(), status, lastFailure.remove(id)));
  }

  private void report(Running current, Message message, ReportCollector collector) {
    ReportEvent event = ReportEvent.fromFields(message.fields());
    switch (event.kind()) {
      case STARTING -> {
        current.runningTests.put(event.testId(), event);
        if (armTimeout && !armed) {
          armed = true;
          collector.startEarly(event.topClass(), event.setText());
        }
      }
      case OUTPUT -> {
        current.output.addLast(event.output());
        if (current.output.size() > OUTPUT_LINES) {
          current.output.removeFirst();
        }
      }
      default -> {
        current.runningTests.remove(event.testId());
        if ((event.kind() == Kind.FAILED || event.kind() == Kind.ERROR)
            && !"executionError".equals(event.name())) {
          failing.put(event.testId(), event.topClass());
          if (!event.classLevel() && !current.items.containsKey(event.testId())) {
            current.items.keySet().stream()
                .filter(id -> event.testId().startsWith(id + "/"))
                .forEach(current.failedWithin::add);
          }
          if (!event.classLevel() && event.failure() != null) {
            lastFailure.put(
                event.testId(),
                FlakyTests.firstLine(event.failure().message(), event.failure().smartTrimmed()));
          }
        }
      }
    }
    collector.add(event, message.time());
  }

  private void died(
      int w,
      Running current,
      Dispatcher dispatcher,
      ReportCollector collector,
      List<Bar> bars,
      List<Bar> units) {
    boolean wasConnected = connected.remove(w);
    WorkerPool.Worker worker = pool.worker(w);
    String ending = pool.ending(w);
    List<String> tail = worker.tail();
    pool.forget(w);
    if (!wasConnected) {
      throw new JtestRunException(
          "jtest worker "
              + w
              + " "
              + ending
              + " before it connected; its output:\n"
              + String.join("\n", tail));
    }
    if (current == null) {
      return;
    }
    long now = System.currentTimeMillis();
    List<String> lastOutput = new ArrayList<>(current.output);
    lastOutput.addAll(tail);
    String why =
        "jtest worker "
            + w
            + " "
            + ending
            + " while this test was running"
            + (worker.process == null ? "" : " (System.exit, or the JVM crashed)")
            + "; the other tests went on in a new worker."
            + (lastOutput.isEmpty() ? "" : " Last output:\n" + String.join("\n", lastOutput));
    Failure failure = new Failure(why, why.lines().findFirst().orElse(why), why, why);
    ReportEvent test;
    if (!current.runningTests.isEmpty()) {
      List<ReportEvent> started = new ArrayList<>(current.runningTests.values());
      test = started.get(started.size() - 1);
    } else {
      // It died between tests (in a @BeforeAll, say): the next test of its unit takes the blame.
      TestItem first =
          current.unit.items().stream()
              .filter(i -> !current.touched.contains(i.id()))
              .findFirst()
              .orElse(current.unit.items().get(0));
      current.touched.add(first.id());
      test =
          new ReportEvent(
              Kind.STARTING,
              first.id(),
              first.topClass(),
              null,
              null,
              first.className(),
              first.name(),
              null,
              first.id(),
              null,
              null,
              null,
              null,
              false,
              false);
      collector.add(test, now);
    }
    ReportEvent culprit = test.ended(Kind.ERROR, (int) (now - current.start), failure);
    collector.add(culprit, now);
    failing.put(culprit.testId(), culprit.topClass());
    String label = culprit.topClass() + "." + culprit.name();
    TestItem known = seen.get(culprit.testId());
    attempts.add(
        new FlakyTests.Attempt(
            culprit.testId(),
            known == null ? label : known.label(),
            known == null ? culprit.qualified() : known.className(),
            "CRASHED",
            FlakyTests.firstLine(why, null)));
    bars.add(new Bar(w, label, current.start, now, "CRASHED", culprit.testId()));
    units.add(new Bar(w, current.unit.label(), current.start, now, "UNIT"));

    List<TestItem> done = new ArrayList<>();
    List<TestItem> rest = new ArrayList<>();
    for (TestItem item : current.unit.items()) {
      (current.touched.contains(item.id()) ? done : rest).add(item);
    }
    collector.done(done);
    if (!rest.isEmpty()) {
      double estimate = rest.stream().mapToDouble(i -> durations.estimate(i.id())).sum();
      dispatcher.requeue(new WorkUnit(nextUnitId++, rest, current.unit.serial(), estimate));
    }
  }
}
