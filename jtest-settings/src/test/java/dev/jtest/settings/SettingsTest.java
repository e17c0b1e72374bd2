package dev.jtest.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void everyPropertyIsAJtestPropertyNamedOnce() {
    Set<String> names = new HashSet<>();
    for (Setting<?> setting : Settings.all()) {
      assertThat(setting.name()).startsWith(Keys.PREFIX);
      assertThat(names.add(setting.name())).as(setting.name()).isTrue();
      assertThat(Settings.find(setting.name())).containsSame(setting);
    }
    assertThat(Settings.find(Keys.VERSION)).isEmpty();
  }

  @Test
  void unsetPropertiesTakeTheirDefaults() {
    Map<String, String> none = Map.of();
    assertThat(Settings.SKIP.read(none::get)).isFalse();
    assertThat(Settings.CLEANUP_AFTER_TESTS.read(none::get)).isTrue();
    assertThat(Settings.WORKERS.read(none::get)).isEmpty();
    assertThat(Settings.DIST.read(none::get)).isEqualTo("load");
    assertThat(Settings.DEBUG.read(none::get)).isZero();
    assertThat(Settings.TAIL.read(none::get)).isEqualTo(-1);
    assertThat(Settings.PULL_TIMEOUT.read(none::get)).isEqualTo("60s");
    assertThat(Settings.CLEANUP_PREFIX.read(none::get)).isEqualTo("TEST ");
    assertThat(Settings.DURATIONS.read(none::get)).isEqualTo(".jtest/durations.json");
    assertThat(Settings.BUILD_DIRECTORY.read(none::get)).isEqualTo("target");
    assertThat(Settings.FORK_TIMEOUT.read(none::get)).isZero();
    assertThat(Settings.KEYWORDS.read(none::get)).isNull();
    assertThat(Settings.COMPOSE.read(none::get)).isNull();
  }

  @Test
  void blankValuesMeanTheDefault() {
    assertThat(Settings.KEEP_RUNNING.parse(" ")).isFalse();
    assertThat(Settings.WORKERS.parse("")).isEmpty();
    assertThat(Settings.DIST.parse(" ")).isEqualTo("load");
    assertThat(Settings.TAIL.parse("")).isEqualTo(-1);
    assertThat(Settings.DURATIONS.parse(" ")).isEqualTo(".jtest/durations.json");
    assertThat(Settings.MARKERS.parse("  ")).isNull();
  }

  @Test
  void parsesWhatEachSettingAccepts() {
    assertThat(Settings.COVERAGE.parse("TRUE")).isTrue();
    assertThat(Settings.DRY_RUN.parse(" false ")).isFalse();
    assertThat(Settings.WORKERS.parse("auto")).isEmpty();
    assertThat(Settings.WORKERS.parse(" 3 ")).isEqualTo(OptionalInt.of(3));
    assertThat(Settings.DIST.parse("Fast")).isEqualTo("fast");
    assertThat(Settings.TAIL.parse("100")).isEqualTo(100);
    assertThat(Settings.KEYWORDS.parse(" oauth and not refresh "))
        .isEqualTo("oauth and not refresh");
    assertThat(Settings.DURATIONS.parse("d.json")).isEqualTo("d.json");
    assertThat(Settings.FORK_TIMEOUT.parse("30")).isEqualTo(30);
    assertThat(Settings.WORKER.parse("2")).isEqualTo(2);
  }

  @Test
  void debugMeansTheDefaultPortWhenGivenWithoutOne() {
    assertThat(Settings.DEBUG.parse("")).isEqualTo(5005);
    assertThat(Settings.DEBUG.parse("true")).isEqualTo(5005);
    assertThat(Settings.DEBUG.parse("8000")).isEqualTo(8000);
    assertThat(Settings.DEBUG.parse("false")).isZero();
  }

  @Test
  void aForkTimeoutThatIsNoPositiveNumberMeansNone() {
    for (String none : List.of("0", "-5", "${surefire.timeout}", "")) {
      assertThat(Settings.FORK_TIMEOUT.parse(none)).as(none).isZero();
    }
  }

  @Test
  void rejectsBadValuesNamingPropertyValueAndAcceptedForms() {
    assertThatThrownBy(() -> Settings.WORKERS.parse("0"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage(
            "Invalid jtest.workers=\"0\": use auto (one worker per available processor) or a"
                + " positive integer");
    assertThatThrownBy(() -> Settings.DIST.parse("round-robin"))
        .hasMessage("Invalid jtest.dist=\"round-robin\": use one of load, class, module, fast");
    assertThatThrownBy(() -> Settings.COVERAGE.parse("yes"))
        .hasMessage("Invalid jtest.coverage=\"yes\": use true or false");
    assertThatThrownBy(() -> Settings.TAIL.parse("ten"))
        .hasMessage(
            "Invalid jtest.tail=\"ten\": use a number of lines, e.g. 100 (all lines when it is"
                + " negative)");
    assertThatThrownBy(() -> Settings.DEBUG.parse("70000"))
        .hasMessage(
            "Invalid jtest.debug=\"70000\": use true (port 5005), false, or a port 1-65535");
    assertThatThrownBy(() -> Settings.WORKER.parse("first"))
        .hasMessage("Invalid jtest.worker=\"first\": use a positive integer");
  }

  @Test
  void readsWhatToMergeAndHowManyShardsToPlan() {
    assertThat(Settings.MERGE.parse(" shards/*/durations.json "))
        .isEqualTo("shards/*/durations.json");
    assertThat(Settings.MERGE.parse(" ")).isNull();
    assertThat(Settings.PLAN.parse(" 4 ")).isEqualTo(4);
    assertThat(Settings.PLAN.read(Map.<String, String>of()::get)).isNull();
    for (String bad : List.of("0", "-2", "", "two")) {
      assertThatThrownBy(() -> Settings.PLAN.parse(bad))
          .as(bad)
          .hasMessage("Invalid jtest.plan=\"" + bad + "\": use a positive integer");
    }
  }

  @Test
  void takesABindAddressOnlyAsAnIpLiteral() {
    assertThat(Settings.BIND_ADDRESS.parse("")).isNull();
    assertThat(Settings.BIND_ADDRESS.parse(" 0.0.0.0 ")).isEqualTo("0.0.0.0");
    assertThat(Settings.BIND_ADDRESS.parse("10.0.0.5")).isEqualTo("10.0.0.5");
    assertThat(Settings.BIND_ADDRESS.parse("::")).isEqualTo("::");
    assertThat(Settings.BIND_ADDRESS.parse("fd00::2")).isEqualTo("fd00::2");
    for (String bad : List.of("docker.example.com", "256.1.1.1", "10.0.0", "localhost")) {
      assertThatThrownBy(() -> Settings.BIND_ADDRESS.parse(bad))
          .as(bad)
          .isInstanceOf(InvalidSettingException.class)
          .hasMessageStartingWith("Invalid jtest.bindAddress=\"" + bad + "\": use an IP address");
    }
  }

  @Test
  void everyUserSettingIsDocumented() {
    for (Setting<?> setting : Settings.user()) {
      assertThat(setting.description()).as(setting.name()).isNotBlank();
      assertThat(setting.accepted()).as(setting.name()).isNotBlank();
      assertThat(setting.readBy()).as(setting.name()).isNotBlank();
      assertThat(setting.defaultText()).as(setting.name()).isNotBlank();
    }
  }
}
