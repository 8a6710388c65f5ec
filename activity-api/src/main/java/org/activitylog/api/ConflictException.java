package org.activitylog.api;

/**
 * A write lost a race: the activity's version is not the one the caller expected. Read it again and
 * retry with the new version. Nothing was changed.
 */
public class ConflictException extends ActivityLogException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates a conflict error.
   *
   * @param message what conflicted, safe to show
   */
  public ConflictException(String message) {
    super(message);
  }
}
