package org.activitylog.recorder;

/** The recorder was closed before the activity was accepted. */
public class RecorderClosedException extends RecorderException {
  private static final long serialVersionUID = 1L;

  /** Creates the error. */
  public RecorderClosedException() {
    super("the activity recorder is closed");
  }
}
