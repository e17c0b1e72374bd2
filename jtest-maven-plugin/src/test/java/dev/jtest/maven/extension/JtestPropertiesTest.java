package dev.jtest.maven.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class JtestPropertiesTest {

  @Test
  void reportsOnlyJtestPropertiesItDoesNotKnow() {
    Properties properties = new Properties();
    properties.setProperty("jtest.workers", "4");
    properties.setProperty("jtest.version", "1.2");
    properties.setProperty("jtest.auth.port.8080", "49153");
    properties.setProperty("jtest.wokers", "4");
    properties.setProperty("jtest.keepRuning", "true");
    properties.setProperty("maven.test.skip", "true");

    assertThat(JtestProperties.unknown(properties))
        .containsExactly("jtest.keepRuning", "jtest.wokers");
  }
}
