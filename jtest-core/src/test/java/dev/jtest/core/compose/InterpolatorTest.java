package dev.jtest.core.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InterpolatorTest {

  private final Interpolator interpolator =
      new Interpolator(Map.of("USER", "app", "EMPTY", "", "HOST", "db"));

  private String run(String text) {
    return interpolator.interpolate(text, () -> "f.yml:1");
  }

  @Test
  void substitutesBracedAndBareVariables() {
    assertThat(run("${USER}@$HOST:5432")).isEqualTo("app@db:5432");
    assertThat(run("${MISSING}x")).isEqualTo("x");
  }

  @Test
  void appliesDefaultsWithAndWithoutColon() {
    assertThat(run("${EMPTY:-fallback}")).isEqualTo("fallback");
    assertThat(run("${EMPTY-fallback}")).isEqualTo("");
    assertThat(run("${MISSING-fallback}")).isEqualTo("fallback");
    assertThat(run("${MISSING:-${USER}-x}")).isEqualTo("app-x");
  }

  @Test
  void appliesReplacements() {
    assertThat(run("${USER:+set}")).isEqualTo("set");
    assertThat(run("${MISSING:+set}")).isEqualTo("");
  }

  @Test
  void keepsEscapedDollars() {
    assertThat(run("$$USER and $$")).isEqualTo("$USER and $");
  }

  @Test
  void failsOnRequiredVariables() {
    assertThatThrownBy(() -> run("${MISSING:?tell me}"))
        .hasMessageStartingWith("f.yml:1: variable MISSING is not set: tell me.");
    assertThat(run("${EMPTY?}")).isEmpty();
    assertThatThrownBy(() -> run("${MISSING?}"))
        .hasMessageContaining("variable MISSING is required");
  }

  @Test
  void rejectsUnclosedAndNamelessSubstitutions() {
    assertThatThrownBy(() -> run("${USER")).hasMessageContaining("unclosed '${'");
    assertThatThrownBy(() -> run("${:-x}")).hasMessageContaining("names no variable");
  }
}
