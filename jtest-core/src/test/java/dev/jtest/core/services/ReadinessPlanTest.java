package dev.jtest.core.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jtest.core.ConfigurationException;
import dev.jtest.core.compose.ComposeModel;
import dev.jtest.core.compose.ServiceSpec;
import dev.jtest.core.readiness.ReadinessCheck;
import dev.jtest.core.readiness.Wait;
import dev.jtest.core.testing.ComposeText;
import dev.jtest.core.testing.Facts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which checks and timeout a service gets: pure, so no engine. */
class ReadinessPlanTest {

  @TempDir Path dir;

  private ComposeModel model;

  /**
   * The plan of service {@code api} of {@code yaml}, on a container with or without healthcheck.
   */
  private ReadinessPlan plan(String yaml, boolean containerHasHealthcheck) throws Exception {
    return plan(yaml, containerHasHealthcheck, true);
  }

  private ReadinessPlan plan(String yaml, boolean containerHasHealthcheck, boolean engineRunsThem)
      throws Exception {
    model = ComposeText.load(dir, yaml);
    ServiceSpec api = model.services().get("api");
    return ReadinessPlan.of(
        model, api, Facts.running(containerHasHealthcheck, Map.of()), engineRunsThem);
  }

  private static List<String> names(ReadinessPlan plan) {
    return plan.checks().stream().map(ReadinessCheck::name).toList();
  }

  @Test
  void aServiceWithoutConditionsIsReadyWhenRunningWithinSixtySeconds() throws Exception {
    ReadinessPlan plan = plan("services:\n  api:\n    image: x\n", false);

    assertThat(plan.checks()).isEmpty();
    assertThat(plan.timeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(plan.completion()).isFalse();
  }

  @Test
  void awaitsTheHealthcheckTheContainerHasEvenFromItsImage() throws Exception {
    ReadinessPlan plan = plan("services:\n  api:\n    image: x\n", true);

    assertThat(plan.checks()).containsExactly(Wait.forHealthcheck());
  }

  @Test
  void runsTheHealthcheckItselfOnAnEngineThatRunsNone() throws Exception {
    ReadinessPlan plan = plan("services:\n  api:\n    image: x\n", true, false);

    assertThat(names(plan)).containsExactly("healthcheck");
    assertThat(plan.checks().get(0)).isNotEqualTo(Wait.forHealthcheck());
    assertThat(plan.checks().get(0).nextProbe(1))
        .as("the healthcheck's own interval, Docker's 30 s default here")
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void ignoresTheImagesHealthcheckWhenTheComposeFileDisablesIt() throws Exception {
    ReadinessPlan plan =
        plan("services:\n  api:\n    image: x\n    healthcheck: {disable: true}\n", true);

    assertThat(plan.checks()).isEmpty();
    assertThat(plan.timeout()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void addsEveryWaitConditionAfterTheHealthcheck() throws Exception {
    ReadinessPlan plan =
        plan(
            """
            services:
              api:
                image: x
                ports: ["9000", "8080"]
                x-jtest:
                  wait:
                    http: /health
                    tcp: 8080
                    log: "Started .* in"
                    command: ["test", "-f", "/ready"]
            """,
            true);

    assertThat(names(plan)).containsExactly("healthcheck", "http", "tcp", "log", "command");
    assertThat(plan.checks())
        .containsExactly(
            Wait.forHealthcheck(),
            Wait.forHttp("/health", 9000),
            Wait.forTcp(8080),
            Wait.forLog(model.services().get("api").readiness().log()),
            Wait.forCommand(List.of("test", "-f", "/ready")));
  }

  @Test
  void sendsTheHttpRequestToTheFirstPublishedPort() throws Exception {
    ReadinessPlan plan =
        plan(
            """
            services:
              api:
                image: x
                ports: ["127.0.0.1:7000:7001", "8080"]
                x-jtest: {wait: {http: /ready}}
            """,
            false);

    assertThat(plan.checks()).containsExactly(Wait.forHttp("/ready", 7001));
  }

  @Test
  void theWaitTimeoutWinsOverTheHealthchecks() throws Exception {
    ReadinessPlan plan =
        plan(
            """
            services:
              api:
                image: x
                healthcheck: {test: ["CMD", "true"], interval: 1s, timeout: 1s, retries: 3}
                x-jtest: {wait: {timeout: 5s}}
            """,
            true);

    assertThat(plan.timeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aHealthcheckMayTakeItsWorstCasePlusTenSeconds() throws Exception {
    ReadinessPlan plan =
        plan(
            """
            services:
              api:
                image: x
                healthcheck:
                  test: ["CMD", "true"]
                  interval: 1s
                  timeout: 2s
                  retries: 4
                  start_period: 5s
            """,
            true);

    // start_period + retries × (interval + timeout) + the margin
    assertThat(plan.timeout()).isEqualTo(Duration.ofSeconds(5 + 4 * 3 + 10));
    assertThat(ReadinessPlan.HEALTHCHECK_MARGIN).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void aHealthcheckThatLeavesOutItsTimingsGetsTheEnginesDefaults() throws Exception {
    ReadinessPlan plan =
        plan(
            "services:\n  api:\n    image: x\n    healthcheck: {test: [\"CMD\", \"true\"]}\n",
            true);

    // Docker's defaults: 3 retries of 30 s interval + 30 s timeout
    assertThat(plan.timeout()).isEqualTo(Duration.ofSeconds(3 * 60 + 10));
  }

  @Test
  void aOneShotServiceIsAwaitedForItsCompletionWithoutChecks() throws Exception {
    ReadinessPlan plan =
        plan(
            """
            services:
              api:
                image: x
                x-jtest: {wait: {tcp: 8080, timeout: 30s}}
              app:
                image: x
                depends_on: {api: {condition: service_completed_successfully}}
            """,
            true);

    assertThat(plan.completion()).isTrue();
    assertThat(plan.checks()).isEmpty();
    assertThat(plan.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(ReadinessPlan.isOneShot(model, "api")).isTrue();
    assertThat(ReadinessPlan.isOneShot(model, "app")).isFalse();
  }

  @Test
  void rejectsServiceHealthyOnAServiceWithNothingToBeHealthyBy() {
    assertThatThrownBy(
            () ->
                plan(
                    """
                    services:
                      api:
                        image: x
                      app:
                        image: x
                        depends_on: {api: {condition: service_healthy}}
                    """,
                    false))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("compose.yaml:")
        .hasMessageContaining("service 'api' is awaited as service_healthy")
        .hasMessageContaining("add one of them");
  }

  @Test
  void serviceHealthyIsSatisfiedByAWaitCondition() throws Exception {
    ReadinessPlan plan =
        plan(
            """
            services:
              api:
                image: x
                x-jtest: {wait: {tcp: 8080}}
              app:
                image: x
                depends_on: {api: {condition: service_healthy}}
            """,
            false);

    assertThat(plan.checks()).containsExactly(Wait.forTcp(8080));
    assertThat(plan.completion()).isFalse();
  }

  @Test
  void rejectsAnHttpWaitOnAServiceThatPublishesNoPortBeforeAnythingStarts() throws Exception {
    ComposeModel unpublished =
        ComposeText.load(dir, "services:\n  api:\n    image: x\n    x-jtest: {wait: {http: /}}\n");

    assertThatThrownBy(() -> ReadinessPlan.checkRunnable(unpublished))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("service 'api': x-jtest.wait.http needs a published port")
        .hasMessageContaining("ports: [\"8080\"]");
  }
}
