package dev.jtest.core.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Reassembles lines from the engine's output frames, which may end or start mid-line. */
final class LineSplitter {

  private final Consumer<String> lines;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

  LineSplitter(Consumer<String> lines) {
    this.lines = lines;
  }

  synchronized void accept(byte[] payload) {
    for (byte b : payload) {
      if (b == '\n') {
        emit();
      } else {
        pending.write(b);
      }
    }
  }

  synchronized void flush() {
    if (pending.size() > 0) {
      emit();
    }
  }

  private void emit() {
    String line = pending.toString(StandardCharsets.UTF_8);
    pending.reset();
    lines.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
  }
}
