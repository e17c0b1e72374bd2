package dev.jtest.core.readiness;

import dev.jtest.core.compose.HealthSpec;

class HealthcheckCheckTest extends ReadinessCheckContractTest {

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
