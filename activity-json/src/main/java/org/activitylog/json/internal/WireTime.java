package org.activitylog.json.internal;

import java.time.Instant;

/** How a format writes and reads points in time. */
public interface WireTime {

  /**
   * {@return the instant as the format writes it}
   *
   * @param instant the time
   */
  String format(Instant instant);

  /**
   * Reads a time the format wrote.
   *
   * @param text the text on the wire
   * @param field the wire name, for the error
   * @return the instant
   * @throws org.activitylog.api.ValidationException naming the field when the text is not a time
   */
  Instant parse(String text, String field);
}
