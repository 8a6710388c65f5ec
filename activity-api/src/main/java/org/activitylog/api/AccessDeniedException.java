package org.activitylog.api;

/**
 * An authenticated requester tried to write where it may only read: to record into a workspace
 * group it may not write, or to change an activity it may see but not write. An activity it may not
 * see answers {@link NotFoundException} instead, so that its existence is never revealed.
 */
public class AccessDeniedException extends ActivityLogException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an access-denied error.
   *
   * @param message what was denied, safe to show
   */
  public AccessDeniedException(String message) {
    super(message);
  }
}
