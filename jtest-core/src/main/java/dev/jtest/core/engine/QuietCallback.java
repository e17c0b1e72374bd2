package dev.jtest.core.engine;

import com.github.dockerjava.api.async.ResultCallback;
import java.io.IOException;

/**
 * A docker-java callback that keeps its error for the caller instead of logging it with a stack
 * trace at ERROR (docker-java's default), so that users see one message from jtest.
 */
class QuietCallback<T> extends ResultCallback.Adapter<T> {

  private volatile Throwable error;

  @Override
  public void onError(Throwable throwable) {
    if (error == null) {
      error = throwable;
    }
    try {
      close();
    } catch (IOException e) {
      // The stream is broken already; the recorded error says why.
    }
  }

  /** The first error the stream reported, or {@code null}. */
  Throwable error() {
    return error;
  }
}
