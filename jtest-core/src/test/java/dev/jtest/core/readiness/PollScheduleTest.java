package dev.jtest.core.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PollScheduleTest {

  private static long[] millis(String check, int attempts) {
    return IntStream.rangeClosed(1, attempts)
        .mapToLong(n -> PollSchedule.after(check, n).toMillis())
        .toArray();
  }

  @Test
  void probesHttpTcpAndTheHealthStatusAtAFixedShortInterval() {
    for (String check : new String[] {"http", "tcp", "healthcheck"}) {
      assertThat(millis(check, 50)).as(check).containsOnly(10L);
    }
  }

  @Test
  void backsOffForACommandOrALogMatchUpTo100Ms() {
    assertThat(millis("command", 7)).containsExactly(10, 20, 40, 80, 100, 100, 100);
    assertThat(millis("log", 3)).containsExactly(10, 20, 40);
  }

  @Test
  void backingOffNeverExceedsTheMaximumHoweverLongItRuns() {
    assertThat(PollSchedule.backingOff(10_000)).isEqualTo(Duration.ofMillis(100));
  }
}
