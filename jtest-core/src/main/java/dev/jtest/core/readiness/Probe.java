package dev.jtest.core.readiness;

/**
 * The result of one probe.
 *
 * @param ready whether the condition held
 * @param detail what was seen, for the diagnosis when it never holds ("HTTP 503", "exit 2: …")
 */
public record Probe(boolean ready, String detail) {

  public static Probe ready(String detail) {
    return new Probe(true, detail);
  }

  public static Probe notYet(String detail) {
    return new Probe(false, detail);
  }
}
