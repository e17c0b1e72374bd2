package dev.jtest.core.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jtest.core.engine.ContainerEvent;
import dev.jtest.core.engine.ContainerEvent.Kind;
import dev.jtest.core.engine.ContainerFacts;
import dev.jtest.core.testing.Facts;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an event changes in the known facts: pure, so no engine. */
class EventFactsTest {

  private final ContainerFacts starting = Facts.running(true, Map.of("8080/tcp", 49153));

  private static ContainerEvent event(Kind kind, Integer exitCode, String health) {
    return new ContainerEvent("id", kind, exitCode, health, null);
  }

  @Test
  void aHealthyEventMakesTheContainerHealthyWithoutAnInspection() {
    var after = EventFacts.apply(starting, event(Kind.HEALTH, null, "healthy"));

    assertThat(after).hasValueSatisfying(f -> assertThat(f.health()).isEqualTo("healthy"));
    assertThat(after.get().ports()).isEqualTo(starting.ports());
  }

  @Test
  void anUnhealthyEventAsksForAnInspectionForTheLastChecksOutput() {
    assertThat(EventFacts.apply(starting, event(Kind.HEALTH, null, "unhealthy"))).isEmpty();
    assertThat(EventFacts.apply(starting, event(Kind.HEALTH, null, null)))
        .as("no status")
        .isEmpty();
  }

  @Test
  void anExitWithZeroIsKnownFromTheEventAndAnyOtherExitIsInspected() {
    var completed = EventFacts.apply(starting, event(Kind.DIED, 0, null));

    assertThat(completed)
        .hasValueSatisfying(
            f -> {
              assertThat(f.exited()).isTrue();
              assertThat(f.running()).isFalse();
              assertThat(f.exitCode()).isZero();
            });
    assertThat(EventFacts.apply(starting, event(Kind.DIED, 137, null))).isEmpty();
    assertThat(EventFacts.apply(starting, event(Kind.DIED, null, null))).isEmpty();
  }

  @Test
  void anOutOfMemoryKillOrARemovalIsInspected() {
    assertThat(EventFacts.apply(starting, event(Kind.OOM, null, null))).isEmpty();
    assertThat(EventFacts.apply(starting, event(Kind.DESTROYED, null, null))).isEmpty();
  }

  @Test
  void eventsThatChangeNothingTheWaiterReadsKeepTheFacts() {
    assertThat(EventFacts.apply(starting, event(Kind.CREATED, null, null))).contains(starting);
    assertThat(EventFacts.apply(starting, event(Kind.OTHER, null, null))).contains(starting);
    assertThat(EventFacts.apply(starting, event(Kind.STARTED, null, null))).contains(starting);
  }
}
