package dev.jtest.core.coverage;

import java.util.ArrayList;
import java.util.List;

/** A class {@link PerTestReportTest} instruments with JaCoCo and runs, one method per test. */
public class PerTestShop {

  /** Covered by the first test only. */
  public static List<String> orders() {
    List<String> orders = new ArrayList<>();
    orders.add("order <1> & co");
    return orders;
  }

  /** Covered by the second test only. */
  public static int payments() {
    int total = 0;
    for (int i = 1; i <= 3; i++) {
      total += i;
    }
    return total;
  }

  /** Covered by no test. */
  public static String unused() {
    return "never";
  }
}
