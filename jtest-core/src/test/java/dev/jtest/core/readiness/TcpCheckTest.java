package dev.jtest.core.readiness;

/**
 * Also proves the check sees through Docker's port proxy, which accepts before anything listens.
 */
class TcpCheckTest extends ReadinessCheckContractTest {

  @Override
  ReadinessCheck check() {
    return Wait.forTcp(8080);
  }

  @Override
  String becomesReadyAfter(String delay) {
    return "mkdir -p /www && sleep " + delay + " && exec busybox httpd -f -p 8080 -h /www";
  }
}
