package dev.jtest.maven.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jtest.core.ConfigurationException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JtestPropertiesTest {

  @TempDir Path dir;

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

  @Test
  void acceptsValidValuesOfEveryProperty() {
    Map<String, String> valid =
        Map.ofEntries(
            Map.entry("jtest.skip", "false"),
            Map.entry("jtest.keepRunning", "TRUE"),
            Map.entry("jtest.follow", ""),
            Map.entry("jtest.coverage", "true"),
            Map.entry("jtest.dryRun", "true"),
            Map.entry("jtest.cleanupAfterTests", "false"),
            Map.entry("jtest.profiles", "debug,tools"),
            Map.entry("jtest.pullTimeout", "2m"),
            Map.entry("jtest.service", "auth"),
            Map.entry("jtest.tail", "-1"),
            Map.entry("jtest.workers", "auto"),
            Map.entry("jtest.dist", "fast"),
            Map.entry("jtest.k", "oauth and not refresh"),
            Map.entry("jtest.m", "not serial"),
            Map.entry("jtest.debug", "8000"),
            Map.entry("jtest.durations", "build/durations.json"),
            Map.entry("jtest.coverage.minimum", "line:0.80,branch:0.6"),
            Map.entry("jtest.cleanup.prefix", "IT "),
            Map.entry("jtest.version", "anything"),
            Map.entry("jtest.auth.url", "http://127.0.0.1:1"));

    assertThatCode(() -> JtestProperties.validate(valid, dir)).doesNotThrowAnyException();
    assertThat(JtestProperties.KNOWN)
        .containsAll(valid.keySet().stream().filter(k -> !k.equals("jtest.auth.url")).toList());
  }

  @Test
  void rejectsACoverageRatioAboveOneNamingPropertyValueAndRange() {
    assertThatThrownBy(
            () -> JtestProperties.validate(Map.of("jtest.coverage.minimum", "line:2"), dir))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "Invalid jtest.coverage.minimum=\"line:2\": ratio 2 for line is outside 0..1 (0.80"
                + " means 80 %)");
  }

  @Test
  void rejectsAnUnknownCoverageCounterListingTheKnownOnes() {
    assertThatThrownBy(
            () -> JtestProperties.validate(Map.of("jtest.coverage.minimum", "lines:0.8"), dir))
        .hasMessageStartingWith(
            "Invalid jtest.coverage.minimum=\"lines:0.8\": unknown coverage counter 'lines'"
                + " (known: instruction, branch, line, ");
  }

  @Test
  void rejectsAFlagThatIsNeitherTrueNorFalse() {
    assertThatThrownBy(() -> JtestProperties.validate(Map.of("jtest.coverage", "yes"), dir))
        .hasMessage("Invalid jtest.coverage=\"yes\": use true or false");
  }

  @Test
  void rejectsABadPullTimeoutTailAndPrefix() {
    assertThatThrownBy(() -> JtestProperties.validate(Map.of("jtest.pullTimeout", "60"), dir))
        .hasMessageStartingWith(
            "Invalid jtest.pullTimeout=\"60\": '60' is not a duration: add a unit, e.g. '60s'");
    assertThatThrownBy(() -> JtestProperties.validate(Map.of("jtest.tail", "ten"), dir))
        .hasMessageStartingWith("Invalid jtest.tail=\"ten\": use a number of lines");
    assertThatThrownBy(() -> JtestProperties.validate(Map.of("jtest.cleanup.prefix", " "), dir))
        .hasMessageStartingWith(
            "Invalid jtest.cleanup.prefix=\" \": the test-data prefix is empty or blank");
  }

  @Test
  void rejectsAComposeFileThatDoesNotExist() {
    assertThatThrownBy(() -> JtestProperties.validate(Map.of("jtest.compose", "nope.yml"), dir))
        .hasMessageStartingWith("compose file 'nope.yml' named by -Djtest.compose does not exist");
  }

  @Test
  void rejectsBadRunSettingsThroughTheirOwnParser() {
    assertThatThrownBy(() -> JtestProperties.validate(Map.of("jtest.workers", "lots"), dir))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("Invalid jtest.workers=\"lots\": use auto");
    assertThatThrownBy(() -> JtestProperties.validate(Map.of("jtest.dist", "random"), dir))
        .hasMessageStartingWith("Invalid jtest.dist=\"random\"");
  }

  @Test
  void checksNothingElseWhenJtestIsSkipped() {
    assertThatCode(
            () ->
                JtestProperties.validate(
                    Map.of("jtest.skip", "true", "jtest.compose", "nope.yml"), dir))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> JtestProperties.validate(Map.of("jtest.skip", "maybe"), dir))
        .hasMessage("Invalid jtest.skip=\"maybe\": use true or false");
  }

  @Test
  void letsUserPropertiesOverrideThePomsAsGoalsSeeThem() {
    Properties pom = new Properties();
    pom.setProperty("jtest.workers", "2");
    pom.setProperty("other", "x");
    Properties user = new Properties();
    user.setProperty("jtest.workers", "4");

    assertThat(JtestProperties.effective(pom, new Properties(), user))
        .containsExactly(Map.entry("jtest.workers", "4"));
  }

  @Test
  void anAffectedRefGitDoesNotKnowFailsAtOnceNamingPropertyAndValue() throws Exception {
    Process init =
        new ProcessBuilder("git", "init", "-q").directory(dir.toFile()).inheritIO().start();
    assertThat(init.waitFor()).isZero();

    assertThatThrownBy(
            () -> JtestProperties.validate(Map.of("jtest.affected", "origin/nowhere"), dir))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("Invalid jtest.affected=\"origin/nowhere\": git does not know");
  }

  @Test
  void anAffectedRunOutsideAGitRepositoryIsLeftToTheTestRun() {
    // The run itself says, in one line, that every test runs and why.
    assertThatCode(() -> JtestProperties.validate(Map.of("jtest.affected", "HEAD"), dir))
        .doesNotThrowAnyException();
  }
}
