package org.activitylog.recorder;

import org.activitylog.api.ActivityLogException;

/**
 * The recorder refused a call or could not finish it. Unless a subclass says otherwise, nothing of
 * the activity was queued or stored, and the caller decides whether to try again.
 */
public class RecorderException extends ActivityLogException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param message what happened, safe to show
   */
  protected RecorderException(String message) {
    super(message);
  }
}
