package dev.jtest.core.readiness;

import java.util.List;

class CommandCheckTest extends ReadinessCheckContractTest {

  @Override
  ReadinessCheck check() {
    return Wait.forCommand(List.of("test", "-f", "/tmp/ready"));
  }

  @Override
  String becomesReadyAfter(String delay) {
    return "sleep " + delay + "; touch /tmp/ready; sleep 600";
  }
}
