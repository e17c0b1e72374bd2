package dev.jtest.maven;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jtest.core.ConfigurationException;
import dev.jtest.core.JtestException;
import dev.jtest.core.cleanup.CleanupException;
import dev.jtest.core.coverage.CoverageException;
import dev.jtest.core.readiness.ServiceFailedException;
import java.io.IOException;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every typed failure of the core reaches the user as one message, without a stack trace. */
class AbstractJtestMojoTest {

  /** A goal whose work fails with what it is given. */
  private static final class Failing extends AbstractJtestMojo {
    private final JtestException failure;

    Failing(JtestException failure) {
      this.failure = failure;
    }

    @Override
    protected void run() {
      throw failure;
    }
  }

  @Test
  void reportsAConfigurationErrorAsABuildErrorWithItsMessageAlone() {
    ConfigurationException failure =
        new ConfigurationException("compose.yaml:3: service 'api': 'ports' must be a list");

    assertThatThrownBy(() -> new Failing(failure).execute())
        .isExactlyInstanceOf(MojoExecutionException.class)
        .hasMessage("compose.yaml:3: service 'api': 'ports' must be a list")
        .hasNoCause();
  }

  static Stream<JtestException> failures() {
    IOException disk = new IOException("No space left on device");
    return Stream.of(
        new JtestException("the run failed"),
        new CoverageException("coverage: cannot write target/jtest/coverage/harvest.json", disk),
        new CleanupException("cleaner api#1 failed"),
        new ServiceFailedException("api", "service 'api' exited with code 1"));
  }

  @ParameterizedTest
  @MethodSource("failures")
  void reportsAnyOtherJtestFailureAsABuildFailureWithItsMessageAlone(JtestException failure) {
    assertThatThrownBy(() -> new Failing(failure).execute())
        .isExactlyInstanceOf(MojoFailureException.class)
        .hasMessage(failure.getMessage())
        .hasNoCause();
  }
}
