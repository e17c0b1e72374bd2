package dev.jtest.maven;

import dev.jtest.core.services.StackListener;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A stack's log lines from a background start, held until a goal attaches its log, then printed
 * there in order, and the later ones as they come: the user reads them where the goal runs.
 */
final class HeldLines implements StackListener {

  private record Line(BiConsumer<StackListener, String> level, String message) {}

  private final List<Line> held = new ArrayList<>();
  private StackListener target;

  @Override
  public synchronized void info(String message) {
    line(StackListener::info, message);
  }

  @Override
  public synchronized void warn(String message) {
    line(StackListener::warn, message);
  }

  @Override
  public synchronized void detail(String message) {
    line(StackListener::detail, message);
  }

  /** Prints the held lines to {@code listener}, and sends it every later line. */
  synchronized void attach(StackListener listener) {
    held.forEach(line -> line.level().accept(listener, line.message()));
    held.clear();
    target = listener;
  }

  private void line(BiConsumer<StackListener, String> level, String message) {
    if (target != null) {
      level.accept(target, message);
    } else {
      held.add(new Line(level, message));
    }
  }

  /** {@code listener} with its steps turned into detail; warnings stay warnings. */
  static StackListener quiet(StackListener listener) {
    return new StackListener() {
      @Override
      public void info(String message) {
        listener.detail(message);
      }

      @Override
      public void warn(String message) {
        listener.warn(message);
      }

      @Override
      public void detail(String message) {
        listener.detail(message);
      }
    };
  }
}
