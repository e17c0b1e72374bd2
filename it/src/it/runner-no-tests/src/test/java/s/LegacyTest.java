package s;

/** JUnit 3 style: a test by name only, which the JUnit Platform does not see without vintage. */
public class LegacyTest {
  public void testSomething() {}
}
