package dev.jtest.core.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import java.io.Closeable;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/** The engine's event stream of the containers that carry some labels. */
final class ContainerEvents {

  /**
   * How far back the stream starts. The engine replays what it still holds from then on, so that an
   * event of a container created while the request was on its way is not lost; the labels (which
   * name one run) keep older events of other runs out. Generous, for a remote engine whose clock
   * differs from this one.
   */
  private static final Duration REPLAY = Duration.ofMinutes(5);

  private final DockerClient client;

  ContainerEvents(DockerClient client) {
    this.client = client;
  }

  /**
   * Streams the events of the containers that carry all of {@code labels} until the returned handle
   * is closed; {@code ended} hears why the stream ended on its own (the engine closed it, or it
   * broke), once, and never after the handle was closed.
   */
  Closeable follow(
      Map<String, String> labels, Consumer<ContainerEvent> events, Consumer<String> ended) {
    try {
      // Filtered by label and type only: Podman's compatible API matches event names of its own
      // ("died" for "die"), so the kind is read here.
      return client
          .eventsCmd()
          .withLabelFilter(labels)
          .withEventTypeFilter(EventType.CONTAINER)
          .withSince(Long.toString(Instant.now().minus(REPLAY).getEpochSecond()))
          .exec(
              new QuietCallback<Event>() {
                private volatile boolean closing;

                @Override
                public void onNext(Event event) {
                  ContainerEventMapping.event(event).ifPresent(events);
                }

                @Override
                public void onError(Throwable throwable) {
                  if (!closing) {
                    ended.accept(
                        EngineFailures.failure("follow the engine's events", throwable)
                            .getMessage());
                  }
                  closing = true;
                  super.onError(throwable);
                }

                @Override
                public void onComplete() {
                  if (!closing) {
                    ended.accept("the engine ended the event stream");
                  }
                  closing = true;
                  super.onComplete();
                }

                @Override
                public void close() throws java.io.IOException {
                  closing = true;
                  super.close();
                }
              });
    } catch (RuntimeException e) {
      throw EngineFailures.failure("follow the engine's events", e);
    }
  }
}
