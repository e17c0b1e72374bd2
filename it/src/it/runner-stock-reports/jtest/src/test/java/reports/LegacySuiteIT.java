package reports;

import junit.framework.Test;
import junit.framework.TestCase;
import junit.framework.TestSuite;

/**
 * A JUnit 3 suite that holds one test case class twice, as generated suites (Guava's testlib) do:
 * tests of one name recur in it, each reported as often as it ran.
 */
public class LegacySuiteIT extends TestCase {
  public static Test suite() {
    TestSuite suite = new TestSuite("generated");
    suite.addTestSuite(Case.class);
    suite.addTestSuite(Case.class);
    return suite;
  }

  public static class Case extends TestCase {
    public void testOne() {}

    public void testTwo() {}
  }
}
