package dev.jtest.core.readiness;

import dev.jtest.core.engine.ExecResult;
import java.time.Duration;
import java.util.List;

/** A command run in the container exits with 0. */
record CommandCheck(List<String> command) implements ReadinessCheck {

  static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Override
  public String name() {
    return "command";
  }

  @Override
  public String describe(ProbeTarget target) {
    return "command " + command;
  }

  @Override
  public Probe probe(ProbeTarget target) {
    if (!target.facts().running()) {
      return Probe.notYet("container not running");
    }
    ExecResult result = target.exec(command, TIMEOUT);
    if (result.exitCode() == null) {
      return Probe.notYet("still running after " + TIMEOUT.toSeconds() + " s");
    }
    String output =
        result.output().isBlank() ? "" : ": " + HealthcheckCheck.abbreviate(result.output());
    return result.succeeded()
        ? Probe.ready("exit 0")
        : Probe.notYet("exit " + result.exitCode() + output);
  }
}
