package dev.jtest.core.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.ExecCreateCmd;
import com.github.dockerjava.api.command.LogContainerCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Commands run in containers, and what containers write to stdout and stderr. */
final class ExecAndLogs {

  /** How long reading a stopped or running container's log so far may take. */
  private static final Duration LOGS_TIMEOUT = Duration.ofSeconds(30);

  private final DockerClient client;

  ExecAndLogs(DockerClient client) {
    this.client = client;
  }

  /** Runs {@code command} in a running container, waiting at most {@code timeout}. */
  ExecResult exec(String id, List<String> command, List<String> environment, Duration timeout) {
    return exec(id, ExecCommand.of(command, environment), timeout);
  }

  /** Runs {@code exec} in a running container, waiting at most {@code timeout}. */
  ExecResult exec(String id, ExecCommand exec, Duration timeout) {
    List<String> command = exec.command();
    StringBuilder output = new StringBuilder();
    try {
      ExecCreateCmd create =
          client
              .execCreateCmd(id)
              .withCmd(command.toArray(String[]::new))
              .withEnv(exec.environment())
              .withAttachStdout(true)
              .withAttachStderr(true);
      if (exec.user() != null) {
        create.withUser(exec.user());
      }
      if (exec.privileged()) {
        create.withPrivileged(true);
      }
      if (exec.workingDir() != null) {
        create.withWorkingDir(exec.workingDir());
      }
      String execId = create.exec().getId();
      boolean done =
          client
              .execStartCmd(execId)
              .exec(
                  new QuietCallback<Frame>() {
                    @Override
                    public void onNext(Frame frame) {
                      synchronized (output) {
                        output.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                      }
                    }
                  })
              .awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
      Long exit = done ? client.inspectExecCmd(execId).exec().getExitCodeLong() : null;
      synchronized (output) {
        return new ExecResult(exit == null ? null : exit.intValue(), output.toString());
      }
    } catch (InterruptedException e) {
      throw EngineFailures.interrupted("exec " + command, e);
    } catch (RuntimeException e) {
      throw EngineFailures.failure("exec " + String.join(" ", command), e);
    }
  }

  /**
   * Streams the container's output from its start, line by line with the engine's time of each,
   * until the container ends or the returned handle is closed; then calls {@code onEnd}.
   */
  Closeable follow(String id, Consumer<LogLine> lines, Runnable onEnd) {
    // With the engine's time of each line, so that a line can be placed in the test that ran then.
    LineSplitter splitter = new LineSplitter(raw -> lines.accept(LogLine.parse(raw)));
    try {
      return client
          .logContainerCmd(id)
          .withStdOut(true)
          .withStdErr(true)
          .withTimestamps(true)
          .withFollowStream(true)
          .exec(
              new QuietCallback<Frame>() {
                @Override
                public void onNext(Frame frame) {
                  splitter.accept(frame.getPayload());
                }

                @Override
                public void onComplete() {
                  splitter.flush();
                  onEnd.run();
                  super.onComplete();
                }

                @Override
                public void onError(Throwable throwable) {
                  // The container went away while followed: its log simply ends here.
                  splitter.flush();
                  onEnd.run();
                  super.onError(throwable);
                }
              });
    } catch (RuntimeException e) {
      throw EngineFailures.failure("follow the log of container " + id, e);
    }
  }

  /** The container's output so far (the last {@code tail} lines; all when negative). */
  List<String> logs(String id, int tail) {
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    LineSplitter splitter = new LineSplitter(lines::add);
    LogContainerCmd command = client.logContainerCmd(id).withStdOut(true).withStdErr(true);
    if (tail >= 0) {
      command.withTail(tail);
    } else {
      command.withTailAll();
    }
    try {
      command
          .exec(
              new QuietCallback<Frame>() {
                @Override
                public void onNext(Frame frame) {
                  splitter.accept(frame.getPayload());
                }
              })
          .awaitCompletion(LOGS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      // Whatever arrived so far is the answer; the caller sees the flag.
      Thread.currentThread().interrupt();
    } catch (NotFoundException e) {
      return List.of();
    } catch (RuntimeException e) {
      throw EngineFailures.failure("read the log of container " + id, e);
    }
    splitter.flush();
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }
}
