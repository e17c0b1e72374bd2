package dev.jtest.core.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jtest.core.compose.ComposeModel;
import dev.jtest.core.testing.ComposeText;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which service starts first, from the last run's readiness.json: pure, so no engine. */
class CriticalChainsTest {

  @TempDir Path dir;

  /** The ready bench's stack: chains a1 → a2 and b1 → b2, and c alone. */
  private static final String BENCH =
      """
      services:
        a1: {image: x}
        a2: {image: x, depends_on: {a1: {condition: service_healthy}}}
        b1: {image: x}
        b2: {image: x, depends_on: {b1: {condition: service_healthy}}}
        c: {image: x}
      """;

  /** The two chains' times in one run: a1 → a2 took 2000 ms, b1 → b2 1600 ms. */
  private static final String BENCH_TIMES =
      """
      "a1": {"starting": 0, "started": 400, "ready": 1000},
      "a2": {"starting": 1010, "started": 1400, "ready": 2000},
      "b1": {"starting": 0, "started": 400, "ready": 700},
      "b2": {"starting": 710, "started": 1100, "ready": 1600}
      """;

  private static final String C_TIMES =
      "\"c\": {\"starting\": 0, \"started\": 400, \"ready\": 1400}";

  private static Map<String, CriticalChains.Recorded> read(String json) throws Exception {
    return CriticalChains.read(new ObjectMapper().readTree(json));
  }

  private Map<String, dev.jtest.core.compose.ServiceSpec> services(String yaml) throws Exception {
    ComposeModel model = ComposeText.load(dir, yaml);
    return model.services();
  }

  @Test
  void readsEachServicesStartRequestStartAndReadyTimes() throws Exception {
    var recorded =
        read(
            """
            {"services": {
              "db": {"created": 5, "starting": 40, "started": 300, "ready": 900, "conditions": {}},
              "api": {"created": 10, "starting": 910, "started": 1200, "ready": null}},
             "ready": 1500}
            """);

    assertThat(recorded).containsOnlyKeys("db");
    assertThat(recorded.get("db").own()).isEqualTo(860);
    assertThat(recorded.get("db").start()).isEqualTo(260);
  }

  @Test
  void countsFromTheCreationInAFileThatDidNotRecordTheStartRequest() throws Exception {
    var recorded =
        read(
            """
            {"services": {"db": {"created": 100, "started": 400, "ready": 1000}}, "ready": 1000}
            """);

    assertThat(recorded.get("db").own()).isEqualTo(900);
  }

  @Test
  void startsTheHeadOfTheLongestChainFirst() throws Exception {
    var recorded = read("{\"services\": {" + BENCH_TIMES + ", " + C_TIMES + "}}");

    assertThat(CriticalChains.head(services(BENCH), recorded)).contains("a1");
  }

  @Test
  void aServiceStartedDependantWaitsOnlyForItsDependencysStart() throws Exception {
    var services =
        services(
            """
            services:
              slow: {image: x}
              fast: {image: x, depends_on: {slow: {condition: service_started}}}
              other: {image: x}
            """);
    var recorded =
        read(
            """
            {"services": {
              "slow": {"starting": 0, "started": 100, "ready": 1000},
              "fast": {"starting": 100, "started": 200, "ready": 2100},
              "other": {"starting": 0, "started": 100, "ready": 1500}}}
            """);

    // slow's chain: its start (100 ms) and then fast (2000 ms); not its own 1000 ms first.
    assertThat(CriticalChains.length("slow", services, recorded, new java.util.HashMap<>()))
        .isEqualTo(2100);
    assertThat(CriticalChains.head(services, recorded)).contains("slow");
  }

  @Test
  void keepsTheComposeFileOrderWithoutHistoryOrWhenAServiceIsNew() throws Exception {
    var recorded = read("{\"services\": {" + BENCH_TIMES + "}}");

    assertThat(CriticalChains.head(services(BENCH), Map.of())).isEmpty();
    assertThat(CriticalChains.head(services(BENCH), recorded)).as("c is new").isEmpty();
    assertThat(CriticalChains.read(null)).isEmpty();
  }

  @Test
  void givesNoHeadStartWhenTheOtherChainsCannotSpareTheHeadsStart() throws Exception {
    // a1's chain is 300 ms longer than b1's, but a1's start alone took 400 ms.
    var recorded =
        read(
            """
            {"services": {
              "a1": {"starting": 0, "started": 400, "ready": 1000},
              "a2": {"starting": 1010, "started": 1400, "ready": 1900},
              "b1": {"starting": 0, "started": 400, "ready": 700},
              "b2": {"starting": 710, "started": 1100, "ready": 1600},
              "c": {"starting": 0, "started": 400, "ready": 1400}}}
            """);

    assertThat(CriticalChains.head(services(BENCH), recorded)).isEmpty();
  }

  @Test
  void givesNoHeadStartWhenTwoChainsAreEquallyLong() throws Exception {
    var recorded =
        read(
            """
            {"services": {
              "a1": {"starting": 0, "started": 400, "ready": 1000},
              "a2": {"starting": 1010, "started": 1400, "ready": 2000},
              "b1": {"starting": 0, "started": 400, "ready": 1000},
              "b2": {"starting": 1010, "started": 1400, "ready": 2000},
              "c": {"starting": 0, "started": 400, "ready": 1400}}}
            """);

    assertThat(CriticalChains.head(services(BENCH), recorded)).isEmpty();
  }
}
