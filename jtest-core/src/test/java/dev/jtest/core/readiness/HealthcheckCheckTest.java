package dev.jtest.core.readiness;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jtest.core.compose.HealthSpec;
import org.junit.jupiter.api.BeforeEach;

class HealthcheckCheckTest extends ReadinessCheckContractTest {

  @BeforeEach
  void engineRunsHealthchecks() {
    assumeTrue(
        containers.engine().info().runsHealthchecks(),
        "this engine runs no healthchecks (Podman): HealthcheckRunTest covers jtest's own run");
  }

  @Override
  ReadinessCheck check() {
    return Wait.forHealthcheck();
  }

  @Override
  HealthSpec health() {
    return READY_FILE;
  }

  @Override
  String becomesReadyAfter(String delay) {
    return "sleep " + delay + "; touch /tmp/ready; sleep 600";
  }
}
