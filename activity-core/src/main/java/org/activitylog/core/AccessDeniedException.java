package org.activitylog.core;

import org.activitylog.api.ActivityLogException;
import org.activitylog.api.NotFoundException;

/**
 * An authenticated requester tried to record into a workspace group it may not write. Operations on
 * existing activities never throw this: they answer {@link NotFoundException} instead, so that the
 * existence of an activity is never revealed.
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
