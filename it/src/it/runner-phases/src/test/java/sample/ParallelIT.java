package sample;

import org.junit.jupiter.api.Test;

class ParallelIT {
  @Test void a() { Times.run("ParallelIT.a", 400); }
  @Test void b() { Times.run("ParallelIT.b", 400); }
  @Test void c() { Times.run("ParallelIT.c", 400); }
}
