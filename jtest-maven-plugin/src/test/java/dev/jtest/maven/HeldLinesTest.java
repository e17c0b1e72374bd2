package dev.jtest.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jtest.core.services.StackListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeldLinesTest {

  private final List<String> printed = new ArrayList<>();

  private final StackListener log =
      new StackListener() {
        @Override
        public void info(String message) {
          printed.add("INFO " + message);
        }

        @Override
        public void warn(String message) {
          printed.add("WARN " + message);
        }

        @Override
        public void detail(String message) {
          printed.add("DEBUG " + message);
        }
      };

  @Test
  void linesBeforeAttachingArePrintedInOrderWithTheirLevels() {
    HeldLines lines = new HeldLines();
    lines.info("starting 2 service(s)");
    lines.warn("a warning");
    lines.detail("build output");

    assertThat(printed).isEmpty();
    lines.attach(log);

    assertThat(printed)
        .containsExactly("INFO starting 2 service(s)", "WARN a warning", "DEBUG build output");
  }

  @Test
  void linesAfterAttachingGoStraightToTheLog() {
    HeldLines lines = new HeldLines();
    lines.attach(log);
    lines.info("db: ready after 1.2 s");

    assertThat(printed).containsExactly("INFO db: ready after 1.2 s");
  }

  @Test
  void aLaterAttachTakesOverFromTheFirst() {
    HeldLines lines = new HeldLines();
    lines.attach(StackListener.silent());
    lines.attach(log);
    lines.info("stack ready");

    assertThat(printed).containsExactly("INFO stack ready");
  }

  @Test
  void quietTurnsStepsIntoDetailButKeepsWarnings() {
    StackListener quiet = HeldLines.quiet(log);
    quiet.info("a step");
    quiet.warn("a warning");

    assertThat(printed).containsExactly("DEBUG a step", "WARN a warning");
  }
}
