package org.activitylog.formats.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.activitylog.api.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The rules of Brightidea's type-specific fields, checked where the wire reader builds them. They
 * are the model's rules for text and times; they live here because the testkit reads these records
 * from the class path, where the model's internal package is not open to this module.
 */
public final class FieldChecks {
  private static final Instant MIN_TIME = Instant.parse("0001-01-02T00:00:00Z");
  private static final Instant MAX_TIME = Instant.parse("9999-12-31T00:00:00Z");

  private FieldChecks() {}

  /**
   * {@return the text when it is absent or well-formed UTF-16: every surrogate paired}
   *
   * @param field the field the error names
   * @param value the text, or null
   */
  public static @Nullable String text(String field, @Nullable String value) {
    if (value != null) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        boolean paired =
            Character.isHighSurrogate(c)
                && i + 1 < value.length()
                && Character.isLowSurrogate(value.charAt(i + 1));
        if (paired) {
          i++;
        } else if (Character.isSurrogate(c)) {
          throw new ValidationException(
              field, "must not contain an unpaired UTF-16 surrogate (at index " + i + ")");
        }
      }
    }
    return value;
  }

  /**
   * {@return the text when it is absent or well-formed and at most {@code max} characters}
   *
   * @param field the field the error names
   * @param value the text, or null
   * @param max the most characters allowed
   */
  public static @Nullable String maxLength(String field, @Nullable String value, int max) {
    if (value != null && value.length() > max) {
      throw new ValidationException(field, "must be at most " + max + " characters");
    }
    return text(field, value);
  }

  /**
   * {@return the time truncated to microseconds, when it lies in the years every format writes}
   *
   * @param field the field the error names
   * @param instant the time, or null
   */
  public static @Nullable Instant time(String field, @Nullable Instant instant) {
    if (instant == null) {
      return null;
    }
    if (instant.isBefore(MIN_TIME) || !instant.isBefore(MAX_TIME)) {
      throw new ValidationException(
          field,
          "must be from "
              + MIN_TIME
              + " to before "
              + MAX_TIME
              + ", so every zone writes a 4-digit year",
          instant);
    }
    return instant.truncatedTo(ChronoUnit.MICROS);
  }
}
