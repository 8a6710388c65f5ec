package org.activitylog.recorder;

/**
 * The queue stayed full: immediately under {@link FullQueuePolicy#FAIL_FAST}, or for the whole
 * block timeout under {@link FullQueuePolicy#BLOCK}. The store is slower than the callers or
 * unavailable; the recorder's metrics and log say which.
 */
public class QueueFullException extends RecorderException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param message which limit was reached, safe to show
   */
  public QueueFullException(String message) {
    super(message);
  }
}
