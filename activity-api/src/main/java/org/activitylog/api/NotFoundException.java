package org.activitylog.api;

/**
 * No activity with that id exists, or the requester may not see it. Both cases carry the same
 * message, {@value #MESSAGE}, so that an answer never tells whether an id exists in another
 * workspace.
 */
public class NotFoundException extends ActivityLogException {
  private static final long serialVersionUID = 1L;

  /** The one message of every not-found error, as the Brightidea API words it. */
  public static final String MESSAGE = "Invalid object ID or you don't have access to this object";

  /** Creates the not-found error. */
  public NotFoundException() {
    super(MESSAGE);
  }
}
