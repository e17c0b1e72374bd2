package dev.jtest.core.readiness;

import java.util.regex.Pattern;

class LogCheckTest extends ReadinessCheckContractTest {

  @Override
  ReadinessCheck check() {
    return Wait.forLog(Pattern.compile("Started .* in"));
  }

  @Override
  String becomesReadyAfter(String delay) {
    return "echo booting; sleep " + delay + "; echo 'Started app in 1.5 seconds'; sleep 600";
  }
}
