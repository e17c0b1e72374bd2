package dev.jtest.core.cleanup;

import dev.jtest.core.engine.Engine;
import dev.jtest.core.engine.ExecResult;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A cleaner whose {@code show} and {@code clean} are the user's own commands, run in the service's
 * container with the prefix in {@code JTEST_PREFIX}. The count is the number of non-empty lines
 * {@code show} prints; an exit code of 1 with no output counts as none, as {@code grep} means it.
 */
final class ExecCleaner implements Cleaner {

  static final Duration TIMEOUT = Duration.ofMinutes(2);

  private final String id;
  private final Engine engine;
  private final String containerId;
  private final List<String> show;
  private final List<String> clean;
  private final UnaryOperator<String> mask;

  ExecCleaner(
      String id,
      Engine engine,
      String containerId,
      List<String> show,
      List<String> clean,
      UnaryOperator<String> mask) {
    this.id = id;
    this.engine = engine;
    this.containerId = containerId;
    this.show = show;
    this.clean = clean;
    this.mask = mask;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<String> show(String prefix) {
    if (show == null) {
      throw new CleanupException(
          id + ": has no 'show' command: add one that prints a line per test record");
    }
    ExecResult result = run(show, prefix);
    boolean grepsNothing =
        result.exitCode() != null && result.exitCode() == 1 && result.output().isBlank();
    if (!result.succeeded() && !grepsNothing) {
      throw failed("show", show, result);
    }
    return result.output().lines().map(String::strip).filter(l -> !l.isEmpty()).map(mask).toList();
  }

  @Override
  public int clean(String prefix) {
    int before = show == null ? 0 : show(prefix).size();
    if (clean == null) {
      throw new CleanupException(
          id + ": has no 'clean' command: add one that deletes the records 'show' prints");
    }
    ExecResult result = run(clean, prefix);
    if (!result.succeeded()) {
      throw failed("clean", clean, result);
    }
    return before;
  }

  private ExecResult run(List<String> command, String prefix) {
    return engine.exec(containerId, command, List.of("JTEST_PREFIX=" + prefix), TIMEOUT);
  }

  private CleanupException failed(String what, List<String> command, ExecResult result) {
    String exit =
        result.exitCode() == null
            ? "did not end within " + TIMEOUT.toMinutes() + " min"
            : "exited with " + result.exitCode();
    String output =
        result.output().isBlank()
            ? "no output"
            : "output:\n  | "
                + String.join("\n  | ", mask.apply(result.output().strip()).lines().toList());
    return new CleanupException(
        id + ": the '" + what + "' command " + command + " " + exit + "; " + output);
  }
}
