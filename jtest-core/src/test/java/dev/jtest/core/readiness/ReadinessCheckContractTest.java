package dev.jtest.core.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jtest.core.compose.HealthSpec;
import dev.jtest.core.compose.PortSpec;
import dev.jtest.core.engine.ContainerFacts;
import dev.jtest.core.engine.ExecResult;
import dev.jtest.core.engine.PublishAddress;
import dev.jtest.core.testing.TestContainers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every readiness check must do, against real containers: not hold before its condition does,
 * hold soon after, and time out naming itself with the last thing it saw.
 */
abstract class ReadinessCheckContractTest {

  static final Duration DELAY = Duration.ofMillis(1500);

  /** A healthcheck that passes once {@code /tmp/ready} exists, probed every 200 ms. */
  static final HealthSpec READY_FILE =
      new HealthSpec(
          List.of("CMD", "test", "-f", "/tmp/ready"),
          Duration.ofMillis(200),
          Duration.ofSeconds(1),
          null,
          1000);

  TestContainers containers;

  /** The check under test. */
  abstract ReadinessCheck check();

  /** A shell script that makes the check's condition hold after {@code delaySeconds}. */
  abstract String becomesReadyAfter(String delaySeconds);

  /** A shell script with which the condition never holds. */
  String neverReady() {
    return "echo waiting; sleep 600";
  }

  List<PortSpec> ports() {
    return List.of(TestContainers.randomPort(8080));
  }

  HealthSpec health() {
    return null;
  }

  @BeforeEach
  void engine() {
    containers = new TestContainers();
  }

  @AfterEach
  void removeContainers() {
    containers.close();
  }

  @Test
  void holdsOnlyOnceTheConditionHolds() {
    List<String> log = TestContainers.logBuffer();
    Instant started = Instant.now();
    String id = containers.run(becomesReadyAfter("1.5"), ports(), health(), log);

    Probe early = check().probe(target(id, log));
    ReadinessWaiter.Outcome outcome =
        new ReadinessWaiter("probe", List.of(check()), Duration.ofSeconds(30), false)
            .await(() -> containers.engine().inspect(id), facts -> target(facts, id, log));

    assertThat(early.ready()).as("probe before the condition holds: %s", early.detail()).isFalse();
    assertThat(Duration.between(started, outcome.conditions().get(check().name())))
        .isGreaterThanOrEqualTo(DELAY.minusMillis(200));
  }

  @Test
  void timesOutNamingTheConditionAndTheLastProbe() {
    List<String> log = TestContainers.logBuffer();
    String id = containers.run(neverReady(), ports(), health(), log);

    assertThatThrownBy(
            () ->
                new ReadinessWaiter("probe", List.of(check()), Duration.ofSeconds(2), false)
                    .await(() -> containers.engine().inspect(id), facts -> target(facts, id, log)))
        .isInstanceOf(ServiceFailedException.class)
        .hasMessageStartingWith("service 'probe' is not ready after 2.")
        .hasMessageContaining("still waiting for " + check().name() + ": ");
  }

  @Test
  void failsAtOnceWhenTheContainerExits() {
    List<String> log = TestContainers.logBuffer();
    String id = containers.run("sleep 0.3; exit 3", ports(), health(), log);

    assertThatThrownBy(
            () ->
                new ReadinessWaiter("probe", List.of(check()), Duration.ofSeconds(30), false)
                    .await(() -> containers.engine().inspect(id), facts -> target(facts, id, log)))
        .isInstanceOf(ServiceFailedException.class)
        .hasMessage("service 'probe' exited with code 3 while jtest waited for it to be ready");
  }

  private ProbeTarget target(String id, List<String> log) {
    return target(containers.engine().inspect(id).orElseThrow(), id, log);
  }

  private ProbeTarget target(ContainerFacts facts, String id, List<String> log) {
    return new ProbeTarget() {
      @Override
      public String service() {
        return "probe";
      }

      @Override
      public String host() {
        // TestContainers publishes on loopback, as jtest does on a local engine.
        return PublishAddress.LOOPBACK;
      }

      @Override
      public ContainerFacts facts() {
        return facts;
      }

      @Override
      public ExecResult exec(List<String> command, Duration timeout) {
        return containers.engine().exec(id, command, List.of(), timeout);
      }

      @Override
      public List<String> logLines() {
        synchronized (log) {
          return List.copyOf(log);
        }
      }
    };
  }
}
