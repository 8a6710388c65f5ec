package org.activitylog.api;

/**
 * Base of every error the library throws. Unchecked: callers catch the subclass they can act on.
 *
 * <p>Messages are safe to show to an end user: they never carry SQL, bind values, credentials or
 * data of a workspace the requester may not read.
 */
public class ActivityLogException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an error with a message for the user.
   *
   * @param message what went wrong, safe to show
   */
  public ActivityLogException(String message) {
    super(message);
  }

  /**
   * Creates an error with a message for the user and the underlying cause, for logs.
   *
   * @param message what went wrong, safe to show
   * @param cause the underlying failure, never shown to end users by the library
   */
  public ActivityLogException(String message, Throwable cause) {
    super(message, cause);
  }
}
