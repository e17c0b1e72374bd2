package sample;

import dev.jtest.junit.RunSerially;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class MixedIT {
  @Test void parallelOne() { Times.run("MixedIT.parallelOne", 400); }
  @Test void parallelTwo() { Times.run("MixedIT.parallelTwo", 400); }
  @Test void parallelThree() { Times.run("MixedIT.parallelThree", 400); }
  @RunSerially @Test void serialAnnotated() { Times.run("MixedIT.serialAnnotated", 200); }
  @Tag("serial") @Test void serialTagged() { Times.run("MixedIT.serialTagged", 200); }
}
