package dev.jtest.core.services;

import dev.jtest.core.engine.ContainerEvent;
import dev.jtest.core.engine.ContainerFacts;
import dev.jtest.core.engine.Engine;
import dev.jtest.core.engine.EngineException;
import dev.jtest.core.readiness.ContainerView;
import dev.jtest.core.readiness.PollSchedule;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;

/**
 * The run's containers as one stream of the engine's events tells them: exits and health changes
 * reach the readiness waiters (and the report of services that died) without inspecting every
 * container in every round.
 *
 * <p>The stream is followed by a task of the stack's executor, so it ends when the executor is shut
 * down: by the stack's removal (stop, failure, Ctrl-C) or when it is kept running. A container is
 * trusted to the stream only once the stream has delivered one of its events; until then, and for
 * every container once the stream has ended or broken, its state is inspected instead, backing off
 * as {@link PollSchedule#backingOff} says.
 */
final class RunEvents {

  private final Engine engine;
  private final Map<String, String> labels;
  private final StackListener listener;
  private final Map<String, Known> containers = new ConcurrentHashMap<>();
  private volatile boolean following;

  /**
   * @param labels the labels that mark the run's containers
   */
  RunEvents(Engine engine, Map<String, String> labels, StackListener listener) {
    this.engine = engine;
    this.labels = Map.copyOf(labels);
    this.listener = listener;
  }

  /** Follows the run's events on {@code executor} until it is shut down or the stream ends. */
  void follow(ExecutorService executor) {
    CountDownLatch ended = new CountDownLatch(1);
    following = true;
    executor.execute(
        () -> {
          Closeable stream;
          try {
            stream =
                engine.followContainerEvents(
                    labels,
                    this::accept,
                    why -> {
                      stopped(why);
                      ended.countDown();
                    });
          } catch (EngineException e) {
            stopped(e.getMessage());
            return;
          }
          try {
            ended.await();
          } catch (InterruptedException e) {
            // The stack's executor is shut down: the run is over, or handed to a later build.
          } finally {
            following = false;
            try {
              stream.close();
            } catch (IOException e) {
              // Closing only releases the connection; nothing to act on.
            }
          }
        });
  }

  /** A view of {@code service}'s started container for its readiness waiter. */
  ContainerView view(ServiceRuntime service) {
    String id = service.containerId();
    Known known = entry(id);
    known.seed(service.facts());
    return new ContainerView() {
      @Override
      public Optional<ContainerFacts> current() {
        return known.current(engine, id, following);
      }

      @Override
      public Optional<ContainerFacts> inspect() {
        return known.inspect(engine, id);
      }
    };
  }

  /**
   * What the events say of container {@code id} now, when the stream can say it without asking the
   * engine; empty when it cannot (the container must be inspected).
   */
  Optional<ContainerFacts> known(String id) {
    Known known = containers.get(id);
    return following && known != null ? known.cached() : Optional.empty();
  }

  /** How often container {@code id} was inspected through this object: for tests. */
  int inspections(String id) {
    Known known = containers.get(id);
    synchronized (known) {
      return known.inspections;
    }
  }

  private void accept(ContainerEvent event) {
    entry(event.containerId()).apply(event);
  }

  private Known entry(String id) {
    return containers.computeIfAbsent(id, ignored -> new Known());
  }

  private void stopped(String why) {
    if (following) {
      following = false;
      listener.detail(
          "the engine's event stream of run containers ended ("
              + why
              + "): inspecting each container instead, as often as every "
              + PollSchedule.MAX.toMillis()
              + " ms");
    }
  }

  /** What is known of one container: the facts, and whether they are still what the engine says. */
  private static final class Known {
    private final List<ContainerEvent> pending = new ArrayList<>();
    private ContainerFacts facts;
    private boolean seen;
    private boolean stale;
    private long version;
    private int inspections;
    private int backoffs;
    private long nextInspection;

    synchronized void apply(ContainerEvent event) {
      seen = true;
      version++;
      if (facts == null) {
        pending.add(event); // its create and start arrive before the facts of its start
      } else {
        update(event);
      }
    }

    /**
     * Starts from the facts inspected right after the start, with the events that arrived before
     * them replayed in order: what the last of them says is what holds.
     */
    synchronized void seed(ContainerFacts inspected) {
      if (facts == null && inspected != null) {
        facts = inspected;
        pending.forEach(this::update);
        pending.clear();
      }
    }

    private void update(ContainerEvent event) {
      if (!stale) {
        Optional<ContainerFacts> next = EventFacts.apply(facts, event);
        next.ifPresent(f -> facts = f);
        stale = next.isEmpty();
      }
    }

    synchronized Optional<ContainerFacts> cached() {
      return seen && !stale && facts != null ? Optional.of(facts) : Optional.empty();
    }

    Optional<ContainerFacts> current(Engine engine, String id, boolean following) {
      long seenVersion;
      synchronized (this) {
        if (following && seen && !stale && facts != null) {
          return Optional.of(facts);
        }
        // Untrusted: inspect, backing off, and keep the last answer in between.
        if (!(following && seen) && facts != null && System.nanoTime() - nextInspection < 0) {
          return Optional.of(facts);
        }
        seenVersion = version;
      }
      Optional<ContainerFacts> now = inspect(engine, id);
      synchronized (this) {
        backoffs++;
        nextInspection = System.nanoTime() + PollSchedule.backingOff(backoffs).toNanos();
        if (version == seenVersion) {
          stale = false; // nothing happened meanwhile: this answer is current
        }
      }
      return now;
    }

    Optional<ContainerFacts> inspect(Engine engine, String id) {
      Optional<ContainerFacts> now = engine.inspect(id);
      synchronized (this) {
        inspections++;
        now.ifPresent(f -> facts = f);
        pending.clear();
      }
      return now;
    }
  }
}
