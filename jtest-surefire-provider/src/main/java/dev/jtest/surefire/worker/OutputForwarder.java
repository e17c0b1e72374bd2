package dev.jtest.surefire.worker;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.function.Consumer;

/**
 * Stands in for {@code System.out} or {@code System.err} in a worker: collects what tests print and
 * hands it on line by line, so the coordinator can file it under the test that printed it.
 */
final class OutputForwarder extends OutputStream {

  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private final Charset charset;
  private final Consumer<String> sink;

  OutputForwarder(Charset charset, Consumer<String> sink) {
    this.charset = charset;
    this.sink = sink;
  }

  @Override
  public synchronized void write(int b) {
    if (b == '\n') {
      emit();
    } else {
      line.write(b);
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      write(bytes[i]);
    }
  }

  /** Hands on a line that has no end yet; called when the test that printed it ends. */
  synchronized void drain() {
    if (line.size() > 0) {
      emit();
    }
  }

  private void emit() {
    String text = line.toString(charset);
    line.reset();
    sink.accept(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
  }
}
