package reports;

import static org.junit.Assert.assertEquals;

import org.junit.Ignore;
import org.junit.Test;

/** A JUnit 4 class beside the Jupiter ones: stock Failsafe runs it through the Vintage engine. */
public class LegacyIT {
  @Test
  public void passes() {}

  @Test
  public void fails() {
    assertEquals("JUnit 4 failure", 1, 2);
  }

  @Test
  @Ignore("switched off")
  public void ignored() {}
}
