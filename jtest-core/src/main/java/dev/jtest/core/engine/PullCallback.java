package dev.jtest.core.engine;

import com.github.dockerjava.api.model.PullResponseItem;

/**
 * The progress of a pull, which keeps the first error the engine reports in the stream. Podman
 * answers a pull that fails (unknown image, unreachable registry) with status 200 and the error as
 * a stream item; Docker mostly by status. Either way the pull ends with that error.
 */
final class PullCallback extends QuietCallback<PullResponseItem> {

  private final String operation;

  /**
   * @param operation what the error names: {@code pull image postgres:16}
   */
  PullCallback(String operation) {
    this.operation = operation;
  }

  @Override
  public void onNext(PullResponseItem item) {
    if (item != null && item.isErrorIndicated()) {
      String message =
          item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
              ? item.getErrorDetail().getMessage()
              : item.getError();
      onError(new EngineException(operation, message == null ? "failed" : message.strip(), null));
    }
  }
}
