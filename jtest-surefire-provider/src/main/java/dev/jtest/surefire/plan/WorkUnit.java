package dev.jtest.surefire.plan;

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

  /** A short name for the timeline: the label of the single item or of the group. */
  public String label() {
    if (items.size() == 1) {
      return items.get(0).label();
    }
    TestItem first = items.get(0);
    String simple = first.className().substring(first.className().lastIndexOf('.') + 1);
    return simple + " (" + items.size() + " tests)";
  }
}
