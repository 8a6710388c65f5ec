package org.activitylog.jackson;

import java.time.Instant;
import org.activitylog.jackson.internal.IsoTime;

/** How a shape writes and reads points in time. */
public interface TimeFormat {

  /**
   * {@return ISO-8601 in UTC: written with {@code Z} and as many fraction digits as needed (what
   * {@link Instant#toString()} writes), read with any offset}
   */
  static TimeFormat iso() {
    return IsoTime.INSTANCE;
  }

  /**
   * {@return the instant as the shape writes it}
   *
   * @param instant the time
   */
  String format(Instant instant);

  /**
   * Reads a time the shape wrote.
   *
   * @param text the text
   * @param field the member's name, for the error
   * @return the instant
   * @throws org.activitylog.api.ValidationException naming the field when the text is not a time
   */
  Instant parse(String text, String field);
}
