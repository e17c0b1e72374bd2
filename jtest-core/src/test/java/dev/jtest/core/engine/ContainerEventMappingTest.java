package dev.jtest.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Event;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Engine events as the engines send them (JSON of GET /events), read: pure, so no engine. */
class ContainerEventMappingTest {

  /** As docker-java reads the engine's answers: fields it does not know are skipped. */
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private static ContainerEvent read(String json) throws Exception {
    return ContainerEventMapping.event(JSON.readValue(json, Event.class)).orElseThrow();
  }

  @Test
  void readsDockersDieWithItsExitCode() throws Exception {
    ContainerEvent event =
        read(
            """
            {"status":"die","id":"abc","from":"img","Type":"container","Action":"die",
             "Actor":{"ID":"abc","Attributes":{"exitCode":"137","image":"img","name":"jtest-1-api",
             "dev.jtest.run":"1"}},"scope":"local","time":1700000000,"timeNano":1700000000123456789}
            """);

    assertThat(event)
        .isEqualTo(
            new ContainerEvent(
                "abc",
                ContainerEvent.Kind.DIED,
                137,
                null,
                Instant.ofEpochSecond(1700000000, 123456789)));
  }

  @Test
  void readsDockersHealthStatusFromTheAction() throws Exception {
    ContainerEvent event =
        read(
            """
            {"status":"health_status: healthy","id":"abc","Type":"container",
             "Action":"health_status: healthy","Actor":{"ID":"abc","Attributes":{}},"time":1}
            """);

    assertThat(event.kind()).isEqualTo(ContainerEvent.Kind.HEALTH);
    assertThat(event.health()).isEqualTo("healthy");
  }

  @Test
  void readsPodmansBareHealthStatusFromItsAttributes() throws Exception {
    ContainerEvent event =
        read(
            """
            {"status":"health_status","id":"abc","Type":"container","Action":"health_status",
             "Actor":{"ID":"abc","Attributes":{"containerExitCode":"0","health_status":"unhealthy"}},
             "time":1,"HealthStatus":"unhealthy"}
            """);

    assertThat(event.health()).isEqualTo("unhealthy");
  }

  @Test
  void aHealthEventWithoutItsStatusLeavesItUnknown() throws Exception {
    ContainerEvent event =
        read(
            """
            {"status":"health_status","id":"abc","Type":"container","Action":"health_status",
             "Actor":{"ID":"abc","Attributes":{}},"time":1}
            """);

    assertThat(event.kind()).isEqualTo(ContainerEvent.Kind.HEALTH);
    assertThat(event.health()).isNull();
  }

  @Test
  void readsPodmansDiedAsAnExit() throws Exception {
    ContainerEvent event =
        read(
            """
            {"status":"died","id":"abc","Type":"container","Action":"died",
             "Actor":{"ID":"abc","Attributes":{"containerExitCode":"3"}},"time":1}
            """);

    assertThat(event.kind()).isEqualTo(ContainerEvent.Kind.DIED);
  }

  @Test
  void readsExecsAsNothingTheStateShowsAndSkipsOtherTypes() throws Exception {
    assertThat(
            read("""
                    {"status":"exec_start: sh -c true","id":"abc","Type":"container",
                     "Action":"exec_start: sh -c true","Actor":{"ID":"abc"},"time":1}
                    """)
                .kind())
        .isEqualTo(ContainerEvent.Kind.OTHER);
    assertThat(
            ContainerEventMapping.event(
                JSON.readValue(
                    """
                        {"Type":"network","Action":"connect","Actor":{"ID":"net",
                         "Attributes":{"container":"abc"}},"time":1}
                        """,
                    Event.class)))
        .isEmpty();
  }
}
