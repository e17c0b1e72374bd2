package dev.jtest.core.services;

/** What the stack reports while it works; adapters decide how to print it. */
public interface StackListener {

  /** A step worth a line: a service started, became ready, was removed. */
  void info(String message);

  /** Something the user should look at, that does not stop the build. */
  void warn(String message);

  /** Detail such as image build output, for a verbose log. */
  default void detail(String message) {}

  /** A listener that reports nothing. */
  static StackListener silent() {
    return new StackListener() {
      @Override
      public void info(String message) {}

      @Override
      public void warn(String message) {}
    };
  }
}
