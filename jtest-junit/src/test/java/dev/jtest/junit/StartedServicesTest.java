package dev.jtest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class StartedServicesTest {

  private static StartedServices endpoints() {
    Properties properties = new Properties();
    properties.setProperty("jtest.auth.host", "127.0.0.1");
    properties.setProperty("jtest.auth.port", "49153");
    properties.setProperty("jtest.auth.port.8080", "49153");
    properties.setProperty("jtest.auth.port.9090", "49154");
    properties.setProperty("jtest.auth.url", "http://127.0.0.1:49153");
    properties.setProperty("jtest.db.host", "127.0.0.1");
    properties.setProperty("jtest.version", "1.0");
    return StartedServices.of(properties);
  }

  @Test
  void readsEveryServiceFromItsProperties() {
    assertThat(endpoints().names()).containsExactly("auth", "db");
    ServiceEndpoint auth = endpoints().find("auth").orElseThrow();
    assertThat(auth.host()).isEqualTo("127.0.0.1");
    assertThat(auth.port()).isEqualTo(49153);
    assertThat(auth.port(9090)).isEqualTo(49154);
  }

  @Test
  void joinsPathsWithExactlyOneSlash() {
    ServiceEndpoint auth = endpoints().find("auth").orElseThrow();
    assertThat(auth.url("health")).hasToString("http://127.0.0.1:49153/health");
    assertThat(auth.url("/health")).hasToString("http://127.0.0.1:49153/health");
    assertThat(auth.url()).hasToString("http://127.0.0.1:49153");
  }

  @Test
  void explainsMissingPorts() {
    assertThatThrownBy(() -> endpoints().find("db").orElseThrow().port())
        .hasMessageContaining("service 'db' publishes no port");
    assertThatThrownBy(() -> endpoints().find("auth").orElseThrow().port(1234))
        .hasMessageContaining("does not publish container port 1234 (published: [8080, 9090])");
  }
}
