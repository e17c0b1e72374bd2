package dev.jtest.core.readiness;

import java.util.List;
import java.util.regex.Pattern;

/** A line of the container's output matches a pattern. */
record LogCheck(Pattern pattern) implements ReadinessCheck {

  @Override
  public String name() {
    return "log";
  }

  @Override
  public String describe(ProbeTarget target) {
    return "a log line matching /" + pattern.pattern() + "/";
  }

  @Override
  public Probe probe(ProbeTarget target) {
    List<String> lines = target.logLines();
    for (String line : lines) {
      if (pattern.matcher(line).find()) {
        return Probe.ready("seen: " + HealthcheckCheck.abbreviate(line));
      }
    }
    return Probe.notYet("not among " + lines.size() + " lines of output");
  }
}
