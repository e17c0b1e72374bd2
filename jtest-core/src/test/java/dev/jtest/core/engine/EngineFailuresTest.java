package dev.jtest.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.InternalServerErrorException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** The exception chains here are the ones the JDK and docker-java were seen to throw. */
class EngineFailuresTest {

  private static final EngineEndpoint SOCKET =
      new EngineEndpoint(URI.create("unix:///var/run/docker.sock"), "default socket", false, null);
  private static final EngineEndpoint TCP =
      new EngineEndpoint(URI.create("tcp://127.0.0.1:2375"), "DOCKER_HOST", false, null);

  @Test
  void namesTheMissingSocketFile() {
    EngineUnavailableException failure =
        EngineFailures.unreachable(SOCKET, new SocketException("No such file or directory"));

    assertThat(failure)
        .hasMessage(
            "Docker engine not reachable at unix:///var/run/docker.sock (default socket): there is"
                + " no socket file /var/run/docker.sock. "
                + EngineFailures.HINT);
    assertThat(failure.endpoint()).isEqualTo(SOCKET);
  }

  @Test
  void findsTheRootCauseThroughDockerJavasWrapping() {
    RuntimeException wrapped =
        new RuntimeException(
            "java.io.IOException: wrapped",
            new UncheckedIOException(
                new IOException("wrapped", new ConnectException("Connection refused"))));

    assertThat(EngineFailures.reason(TCP, wrapped))
        .isEqualTo("connection refused by 127.0.0.1:2375");
  }

  @Test
  void saysNoEngineListensOnASocketThatRefuses() {
    assertThat(EngineFailures.reason(SOCKET, new ConnectException("Connection refused")))
        .isEqualTo("the socket /var/run/docker.sock exists but no engine listens on it");
  }

  @Test
  void explainsPermissionDenied() {
    assertThat(EngineFailures.reason(SOCKET, new SocketException("Permission denied")))
        .contains("permission denied on /var/run/docker.sock")
        .contains("'docker' group");
  }

  @Test
  void namesAnUnknownHost() {
    EngineEndpoint unknown =
        new EngineEndpoint(URI.create("tcp://nowhere.invalid:2375"), "DOCKER_HOST", false, null);

    assertThat(EngineFailures.reason(unknown, new UnknownHostException("nowhere.invalid")))
        .isEqualTo("unknown host 'nowhere.invalid'");
  }

  @Test
  void reportsATimeoutWithItsOwnWords() {
    assertThat(EngineFailures.reason(TCP, new SocketTimeoutException("Connect timed out")))
        .isEqualTo("no answer from 127.0.0.1:2375 (SocketTimeoutException: Connect timed out)");
  }

  @Test
  void fallsBackToTheRootCauseForAnythingElse() {
    assertThat(EngineFailures.reason(TCP, new IllegalStateException("odd", new IOException())))
        .isEqualTo("IOException");
  }

  @Test
  void survivesACauseLoop() {
    IOException first = new IOException("first");
    IOException second = new IOException("second", first);
    first.initCause(second);

    assertThat(EngineFailures.reason(TCP, first)).startsWith("IOException: ");
  }

  @Test
  void keepsTheEnginesOwnWordsFromDockerJavasMessage() {
    EngineException failure =
        EngineFailures.failure(
            "start container jtest-ab12-db",
            new InternalServerErrorException(
                "{\"message\":\"driver failed programming external connectivity on endpoint"
                    + " jtest-ab12-db: Bind for 127.0.0.1:5432 failed:"
                    + " port is already allocated\"}\n"));

    assertThat(failure.operation()).isEqualTo("start container jtest-ab12-db");
    assertThat(failure.engineMessage())
        .isEqualTo(
            "driver failed programming external connectivity on endpoint jtest-ab12-db: Bind for"
                + " 127.0.0.1:5432 failed: port is already allocated");
    assertThat(failure.isPortConflict()).isTrue();
    assertThat(failure)
        .hasMessageStartingWith("start container jtest-ab12-db failed: driver failed")
        .hasCauseInstanceOf(InternalServerErrorException.class);
  }

  @Test
  void reportsATransportFailureByItsMessage() {
    RuntimeException transport =
        new RuntimeException(new SocketException("Broken pipe (Write failed)"));

    EngineException failure = EngineFailures.failure("remove volume data", transport);

    assertThat(failure)
        .hasMessage(
            "remove volume data failed: java.net.SocketException: Broken pipe (Write failed)")
        .hasCause(transport);
  }

  @Test
  void reportsAStreamErrorThatIsNoRuntimeExceptionAsItIs() {
    IOException stream = new IOException("unexpected EOF");

    EngineException failure = EngineFailures.failure("pull image postgres:16", stream);

    assertThat(failure)
        .hasMessage("pull image postgres:16 failed: unexpected EOF")
        .hasCause(stream);
  }

  @Test
  void namesTheExceptionWhenItHasNoMessage() {
    assertThat(EngineFailures.failure("exec true", new IOException()))
        .hasMessage("exec true failed: IOException");
  }

  @Test
  void leavesAnAlreadyTranslatedFailureAsItIs() {
    EngineException translated = EngineFailures.noImageAfterBuild("app:1");

    assertThat(EngineFailures.failure("build image app:1", translated)).isSameAs(translated);
  }

  @Test
  void anInterruptedWaitKeepsTheInterruptForTheCaller() {
    EngineException failure =
        EngineFailures.interrupted("pull image postgres:16", new InterruptedException());

    assertThat(Thread.interrupted()).isTrue();
    assertThat(failure).hasMessage("pull image postgres:16 failed: interrupted");
  }
}
