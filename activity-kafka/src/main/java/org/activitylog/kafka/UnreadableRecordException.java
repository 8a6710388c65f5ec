package org.activitylog.kafka;

/**
 * A record on the topic is not one {@link ActivityRecordFormat} can read: not JSON, of an unknown
 * version, or missing a member. The ingestor sends it to the dead-letter topic with this message.
 */
public final class UnreadableRecordException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong with the record
   */
  public UnreadableRecordException(String message) {
    super(message);
  }
}
