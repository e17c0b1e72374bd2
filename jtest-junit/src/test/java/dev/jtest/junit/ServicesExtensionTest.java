package dev.jtest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs real Jupiter engines over the sample classes below with a service's endpoint properties. */
class ServicesExtensionTest {

  static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

  private static final Map<String, String> API =
      Map.of(
          "jtest.api.host", "127.0.0.1",
          "jtest.api.port", "49153",
          "jtest.api.port.8080", "49153",
          "jtest.api.url", "http://127.0.0.1:49153");

  @WithServices
  static class Injected {
    @Test
    void byName(
        @ComposeService("api") ServiceEndpoint endpoint,
        @ComposeService("api") URI url,
        @ComposeService("api") String text) {
      SEEN.put("endpoint", endpoint.port(8080));
      SEEN.put("url", url);
      SEEN.put("text", text);
    }

    @Test
    @SuppressWarnings("removal")
    void byFormerName(@Service("api") URI url) {
      SEEN.put("former", url);
    }
  }

  @WithServices
  static class Unknown {
    @Test
    void unknown(@ComposeService("nosuch") URI url) {}
  }

  @BeforeEach
  void publishTheEndpoints() {
    SEEN.clear();
    API.forEach(System::setProperty);
  }

  @AfterEach
  void withdrawTheEndpoints() {
    API.keySet().forEach(System::clearProperty);
  }

  private static Events run(Class<?> type) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(type))
        .execute()
        .testEvents();
  }

  @Test
  void injectsEndpointsByTheAnnotationAndByItsFormerName() {
    Events events = run(Injected.class);

    assertThat(events.succeeded().count()).isEqualTo(2);
    assertThat(SEEN)
        .containsEntry("endpoint", 49153)
        .containsEntry("url", URI.create("http://127.0.0.1:49153"))
        .containsEntry("text", "http://127.0.0.1:49153")
        .containsEntry("former", URI.create("http://127.0.0.1:49153"));
  }

  @Test
  void namesTheServicesItKnowsWhenAskedForAnother() {
    Throwable failure =
        run(Unknown.class).failed().stream()
            .findFirst()
            .orElseThrow()
            .getPayload(TestExecutionResult.class)
            .orElseThrow()
            .getThrowable()
            .orElseThrow();

    assertThat(failure)
        .hasMessageContaining("no service 'nosuch' among the services jtest started (known: api)");
  }

  @Test
  void isNotForUsersToRegister() {
    assertThat(Modifier.isPublic(ServicesExtension.class.getModifiers())).isFalse();
    assertThat(
            List.of(
                WithServices.class
                    .getAnnotation(org.junit.jupiter.api.extension.ExtendWith.class)
                    .value()))
        .containsExactly(ServicesExtension.class);
  }
}
