package dev.jtest.surefire.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Cuts the selected tests into work units, grouped as the distribution mode says ({@link
 * Distribution#groupKey}). Serial and parallel items never share a unit: the phases split them.
 */
public final class UnitPlanner {

  private UnitPlanner() {}

  /**
   * @param items the selected tests in discovery order
   * @param estimate the expected duration of an item in milliseconds
   * @return units in discovery order of their first item, numbered from 1
   */
  public static List<WorkUnit> plan(
      List<TestItem> items, Distribution distribution, ToDoubleFunction<TestItem> estimate) {
    Map<String, List<TestItem>> groups = new LinkedHashMap<>();
    for (TestItem item : items) {
      String key = (item.serial() ? "serial|" : "parallel|") + distribution.groupKey(item);
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
    }
    List<WorkUnit> units = new ArrayList<>();
    for (List<TestItem> group : groups.values()) {
      double sum = 0;
      for (TestItem item : group) {
        sum += estimate.applyAsDouble(item);
      }
      units.add(new WorkUnit(units.size() + 1, group, group.get(0).serial(), sum));
    }
    return units;
  }
}
