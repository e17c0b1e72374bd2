package dev.jtest.surefire.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jtest.surefire.JtestRunException;
import dev.jtest.surefire.coordinator.WorkerPool.Inbound;
import dev.jtest.surefire.wire.Message;
import dev.jtest.surefire.wire.ReportEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForkWorkerTest {

  private static final String FIXTURE =
      "[engine:junit-jupiter]/[class:" + ForkWorkerFixture.class.getName() + "]";

  private static WorkerPool pool() throws Exception {
    return new WorkerPool(Path.of("java"), List.of(), "", null, 0, line -> {}, true);
  }

  /** Sends one unit to worker 1 and collects what it says until the unit is done or it died. */
  private static List<Message> runUnit(WorkerPool pool, String id) throws InterruptedException {
    pool.send(1, new Message(Message.Type.RUN, 0, List.of("7", id)));
    List<Message> messages = new ArrayList<>();
    while (true) {
      Message message = pool.inbound().take().message();
      messages.add(message);
      if (message == null || message.type() == Message.Type.UNIT_DONE) {
        return messages;
      }
    }
  }

  @Test
  void runsUnitsOnTheServingThreadWhileTheCoordinatorRunsOnItsOwn() throws Exception {
    Thread serving = Thread.currentThread();
    List<Message> messages = new ArrayList<>();
    Thread[] coordinator = new Thread[1];
    try (WorkerPool pool = pool()) {
      pool.serveInFork(
          Map.of(),
          () -> {
            coordinator[0] = Thread.currentThread();
            pool.start(1);
            Message hello = pool.inbound().take().message();
            assertThat(hello.type()).isEqualTo(Message.Type.HELLO);
            assertThat(hello.fields())
                .containsExactly("1", String.valueOf(ProcessHandle.current().pid()));
            messages.addAll(runUnit(pool, FIXTURE + "/[method:records()]"));
          });
    }
    assertThat(coordinator[0]).isNotSameAs(serving);
    assertThat(ForkWorkerFixture.ranOn).isSameAs(serving);
    List<ReportEvent> events =
        messages.stream()
            .filter(m -> m.type() == Message.Type.REPORT)
            .map(m -> ReportEvent.fromFields(m.fields()))
            .toList();
    assertThat(events)
        .extracting(ReportEvent::kind)
        .containsExactly(
            ReportEvent.Kind.STARTING, ReportEvent.Kind.OUTPUT, ReportEvent.Kind.SUCCEEDED);
    assertThat(events.get(1).output()).isEqualTo("printed by the fixture");
    assertThat(messages.get(messages.size() - 1).fields()).containsExactly("7");
  }

  @Test
  void anErrorJUnitRethrowsEndsTheWorkerAsADeathAndAnotherTakesOver() throws Exception {
    List<Message> second = new ArrayList<>();
    String[] ending = new String[1];
    try (WorkerPool pool = pool()) {
      pool.serveInFork(
          Map.of(),
          () -> {
            pool.start(1);
            Inbound hello = pool.inbound().take();
            List<Message> first = runUnit(pool, FIXTURE + "/[method:runsOutOfMemory()]");
            assertThat(first.get(first.size() - 1)).isNull();
            ending[0] = pool.ending(1);
            assertThat(pool.worker(1).tail()).anyMatch(l -> l.contains("ForkWorkerFixture"));
            pool.forget(1);
            pool.start(1);
            Inbound again = pool.inbound().take();
            assertThat(again.source()).isNotSameAs(hello.source());
            second.addAll(runUnit(pool, FIXTURE + "/[method:records()]"));
          });
    }
    assertThat(ending[0])
        .isEqualTo("ended in Surefire's fork with java.lang.OutOfMemoryError: simulated");
    assertThat(second.get(second.size() - 1).type()).isEqualTo(Message.Type.UNIT_DONE);
  }

  @Test
  void aFailingCoordinatorEndsTheServingAndItsExceptionIsRethrown() throws Exception {
    try (WorkerPool pool = pool()) {
      assertThatThrownBy(
              () ->
                  pool.serveInFork(
                      Map.of(),
                      () -> {
                        pool.start(1);
                        pool.inbound().take();
                        throw new JtestRunException("the coordinator failed");
                      }))
          .isInstanceOf(JtestRunException.class)
          .hasMessage("the coordinator failed");
    }
  }
}
