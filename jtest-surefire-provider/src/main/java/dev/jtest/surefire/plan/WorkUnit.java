package dev.jtest.surefire.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Tests that one worker runs in one JUnit launcher request, in their discovery order.
 *
 * @param estimateMillis the expected duration: the sum of the items' recorded (or median) durations
 */
public record WorkUnit(int id, List<TestItem> items, boolean serial, double estimateMillis) {

  public WorkUnit {
    items = List.copyOf(items);
  }

  /** Units handed out together: their items in order, one launcher request. */
  public static WorkUnit merge(List<WorkUnit> units) {
    if (units.size() == 1) {
      return units.get(0);
    }
    List<TestItem> items = new ArrayList<>();
    double estimate = 0;
    for (WorkUnit unit : units) {
      items.addAll(unit.items());
      estimate += unit.estimateMillis();
    }
    return new WorkUnit(units.get(0).id(), items, units.get(0).serial(), estimate);
  }

  /** A short name for the timeline: the label of the single item or of the group. */
  public String label() {
    if (items.size() == 1) {
      return items.get(0).label();
    }
    TestItem first = items.get(0);
    boolean oneClass = items.stream().allMatch(i -> i.className().equals(first.className()));
    String simple = first.className().substring(first.className().lastIndexOf('.') + 1);
    return (oneClass ? simple + " (" : "(") + items.size() + " tests)";
  }
}
