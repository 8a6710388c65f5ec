package org.activitylog.core;

import org.activitylog.api.ActivityLogException;

/**
 * The requester is anonymous and the operation needs an authenticated one: any read on a private
 * site, and every write.
 */
public class UnauthorizedException extends ActivityLogException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an unauthorized error.
   *
   * @param message what needs authentication, safe to show
   */
  public UnauthorizedException(String message) {
    super(message);
  }
}
