package dev.jtest.core.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jtest.core.testing.Facts;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ServiceExitsTest {

  @Test
  void namesServiceExitCodeTimeAndHowLongAfterTheStackWasReady() {
    Instant ready = Instant.parse("2026-03-01T12:03:01.312Z");
    String line =
        ServiceExits.describe(
            "api",
            Facts.exited(137, Instant.parse("2026-03-01T12:03:04.512Z"), false),
            ready,
            ZoneOffset.UTC);

    assertThat(line)
        .isEqualTo(
            "service 'api' exited with code 137 at 12:03:04.512 (3.2 s after the stack was ready)"
                + " while the tests ran");
  }

  @Test
  void saysWhenTheKernelKilledItForMemory() {
    String line =
        ServiceExits.describe(
            "db",
            Facts.exited(137, Instant.parse("2026-03-01T12:03:04.512Z"), true),
            null,
            ZoneOffset.ofHours(2));

    assertThat(line)
        .isEqualTo(
            "service 'db' exited with code 137 (killed: out of memory) at 14:03:04.512 while the"
                + " tests ran");
  }
}
