package dev.jtest.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

  private static final Set<String> KEYS = Set.of("services", "volumes", "networks", "version");

  @Test
  void suggestsTheKnownNameATypoIsCloseTo() {
    assertThat(Suggestions.didYouMean("sevices", KEYS)).isEqualTo(": did you mean 'services'?");
    assertThat(Suggestions.closest("volume", KEYS)).contains("volumes");
    assertThat(Suggestions.closest("jtest.wokers", Set.of("jtest.workers", "jtest.k")))
        .contains("jtest.workers");
  }

  @Test
  void suggestsNothingForAnotherWord() {
    assertThat(Suggestions.didYouMean("secrets", KEYS)).isEmpty();
    assertThat(Suggestions.closest("ab", Set.of("k", "m"))).isEmpty();
  }
}
