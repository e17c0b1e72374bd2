package dev.jtest.core.compose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShellWordsTest {

  @Test
  void splitsOnBlanksKeepingQuotedWordsWhole() {
    assertThat(ShellWords.split("sh -c 'echo hello world' \"a \\\"b\\\"\" c\\ d"))
        .containsExactly("sh", "-c", "echo hello world", "a \"b\"", "c d");
  }
}
