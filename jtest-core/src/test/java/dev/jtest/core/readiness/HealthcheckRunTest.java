package dev.jtest.core.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jtest.core.compose.HealthSpec;
import dev.jtest.core.engine.ContainerFacts;
import dev.jtest.core.engine.ExecResult;
import dev.jtest.core.testing.Facts;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The healthcheck jtest runs itself (Podman): the contract against real containers, then how it
 * judges a streak of runs, with scripted exec results.
 */
class HealthcheckRunTest extends ReadinessCheckContractTest {

  @Override
  ReadinessCheck check() {
    return Wait.byRunningHealthcheck(READY_FILE);
  }

  @Override
  String becomesReadyAfter(String delay) {
    return "sleep " + delay + "; touch /tmp/ready; sleep 600";
  }

  @Test
  void isHealthyAtTheFirstRunThatExitsZero() {
    Scripted target = new Scripted(fail(1), fail(1), ok());
    ReadinessCheck check = Wait.byRunningHealthcheck(health(null, 3));

    assertThat(check.probe(target).ready()).isFalse();
    assertThat(check.probe(target).detail())
        .isEqualTo("starting, last check: exit 1 (2 of 3 retries)");
    assertThat(check.probe(target)).isEqualTo(Probe.ready("healthy, exit 0"));
    assertThat(target.commands)
        .as("a CMD test runs its arguments as they are")
        .containsOnly(List.of("pg_isready", "-q"));
  }

  @Test
  void becomesUnhealthyAfterRetriesFailuresInARowNamingTheLastOutput() {
    Scripted target = new Scripted(fail(1), failWith(2, "no\nconnection"));
    ReadinessCheck check = Wait.byRunningHealthcheck(health(null, 2));

    check.probe(target);

    assertThatThrownBy(() -> check.probe(target))
        .isInstanceOf(ServiceFailedException.class)
        .hasMessage(
            "service 'db' became unhealthy; last health check: exit 2, \"no | connection\" (2"
                + " failed in a row, run by jtest as the engine runs no healthchecks)");
  }

  @Test
  void failuresWithinTheStartPeriodDoNotCount() {
    Scripted target = new Scripted(fail(1), fail(1), fail(1), ok());
    ReadinessCheck check = Wait.byRunningHealthcheck(health(Duration.ofMinutes(10), 1));

    for (int i = 0; i < 3; i++) {
      assertThat(check.probe(target).detail()).endsWith("(within start_period)");
    }
    assertThat(check.probe(target).ready()).isTrue();
  }

  @Test
  void aRunThatOutlastsTheTimeoutFails() {
    Scripted target = new Scripted(new ExecResult(null, ""));
    ReadinessCheck check = Wait.byRunningHealthcheck(health(null, 3));

    assertThat(check.probe(target).detail())
        .isEqualTo("starting, last check: timed out after 2s (1 of 3 retries)");
  }

  @Test
  void runsAtStartIntervalWithinTheStartPeriodThenAtInterval() {
    HealthSpec spec =
        new HealthSpec(
            List.of("CMD-SHELL", "curl -f localhost"),
            Duration.ofSeconds(30),
            null,
            Duration.ofMinutes(10),
            null,
            Duration.ofMillis(500));
    HealthSpec noStartPeriod =
        new HealthSpec(spec.test(), spec.interval(), null, null, null, spec.startInterval());
    Scripted target = new Scripted(fail(1), fail(1));

    ReadinessCheck starting = Wait.byRunningHealthcheck(spec);
    starting.probe(target);
    ReadinessCheck started = Wait.byRunningHealthcheck(noStartPeriod);
    started.probe(target);

    assertThat(starting.nextProbe(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(started.nextProbe(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(target.commands.get(0))
        .as("a CMD-SHELL test runs through the shell, as the engine runs it")
        .containsExactly("/bin/sh", "-c", "curl -f localhost");
  }

  @Test
  void doesNotRunInAContainerThatIsNotRunning() {
    Scripted target = new Scripted();
    target.facts = Facts.exited(1);

    assertThat(Wait.byRunningHealthcheck(health(null, 3)).probe(target).detail())
        .isEqualTo("container not running");
    assertThat(target.commands).isEmpty();
  }

  private static HealthSpec health(Duration startPeriod, int retries) {
    return new HealthSpec(
        List.of("CMD", "pg_isready", "-q"), null, Duration.ofSeconds(2), startPeriod, retries);
  }

  private static ExecResult ok() {
    return new ExecResult(0, "");
  }

  private static ExecResult fail(int code) {
    return new ExecResult(code, "");
  }

  private static ExecResult failWith(int code, String output) {
    return new ExecResult(code, output);
  }

  /** A running container whose exec results are scripted. */
  private static final class Scripted implements ProbeTarget {
    private final Deque<ExecResult> results;
    final List<List<String>> commands = new ArrayList<>();
    ContainerFacts facts = Facts.running(true, Map.of());

    Scripted(ExecResult... results) {
      this.results = new ArrayDeque<>(List.of(results));
    }

    @Override
    public String service() {
      return "db";
    }

    @Override
    public String host() {
      return "127.0.0.1";
    }

    @Override
    public ContainerFacts facts() {
      return facts;
    }

    @Override
    public ExecResult exec(List<String> command, Duration timeout) {
      commands.add(command);
      return results.removeFirst();
    }

    @Override
    public List<String> logLines() {
      return List.of();
    }
  }
}
