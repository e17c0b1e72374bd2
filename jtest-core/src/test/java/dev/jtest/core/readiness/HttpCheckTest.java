package dev.jtest.core.readiness;

class HttpCheckTest extends ReadinessCheckContractTest {

  @Override
  ReadinessCheck check() {
    return Wait.forHttp("/", 8080);
  }

  @Override
  String becomesReadyAfter(String delay) {
    return "mkdir -p /www && echo ok > /www/index.html && sleep "
        + delay
        + " && exec busybox httpd -f -p 8080 -h /www";
  }
}
