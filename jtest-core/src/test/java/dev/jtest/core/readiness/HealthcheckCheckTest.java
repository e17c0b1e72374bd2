package dev.jtest.core.readiness;

import dev.jtest.core.compose.HealthSpec;
import java.time.Duration;
import java.util.List;

class HealthcheckCheckTest extends ReadinessCheckContractTest {

  @Override
  ReadinessCheck check() {
    return Wait.forHealthcheck();
  }

  @Override
  HealthSpec health() {
    return new HealthSpec(
        List.of("CMD", "test", "-f", "/tmp/ready"),
        Duration.ofMillis(200),
        Duration.ofSeconds(1),
        null,
        1000);
  }

  @Override
  String becomesReadyAfter(String delay) {
    return "sleep " + delay + "; touch /tmp/ready; sleep 600";
  }
}
