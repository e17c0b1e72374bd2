package reports;

import org.junit.jupiter.api.Test;

/** Long enough that two workers share it: its report is still one file. */
class SplitIT {
  private static void work() throws InterruptedException {
    Thread.sleep(60);
  }

  @Test void t01() throws Exception { work(); }
  @Test void t02() throws Exception { work(); }
  @Test void t03() throws Exception { work(); }
  @Test void t04() throws Exception { work(); }
  @Test void t05() throws Exception { work(); }
  @Test void t06() throws Exception { work(); }
  @Test void t07() throws Exception { work(); }
  @Test void t08() throws Exception { work(); }
  @Test void t09() throws Exception { work(); }
  @Test void t10() throws Exception { work(); }
  @Test void t11() throws Exception { work(); }
  @Test void t12() throws Exception { work(); }
  @Test void t13() throws Exception { work(); }
  @Test void t14() throws Exception { work(); }
  @Test void t15() throws Exception {
    work();
    if (Marker.first("SplitIT.t15")) {
      throw new AssertionError("fails the first time only, on whichever worker runs it");
    }
  }
  @Test void t16() throws Exception { work(); }
  @Test void t17() throws Exception { work(); }
  @Test void t18() throws Exception { work(); }
  @Test void t19() throws Exception { work(); }
  @Test void t20() throws Exception { work(); }
  @Test void t21() throws Exception { work(); }
  @Test void t22() throws Exception { work(); }
  @Test void t23() throws Exception { work(); }
  @Test void t24() throws Exception { work(); }
  @Test void t25() throws Exception { work(); }
  @Test void t26() throws Exception { work(); }
  @Test void t27() throws Exception { work(); }
  @Test void t28() throws Exception { work(); }
  @Test void t29() throws Exception { work(); }
  @Test void t30() throws Exception { work(); }
}
