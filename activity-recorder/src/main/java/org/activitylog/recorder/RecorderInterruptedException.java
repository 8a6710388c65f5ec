package org.activitylog.recorder;

/**
 * The calling thread was interrupted while the recorder waited for it. The thread's interrupt flag
 * is set again before this is thrown, so the caller's own shutdown logic still sees it.
 */
public class RecorderInterruptedException extends RecorderException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param message what was interrupted, and what became of the activity
   */
  public RecorderInterruptedException(String message) {
    super(message);
  }
}
