package org.activitylog.jackson.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.activitylog.api.ValidationException;
import org.activitylog.jackson.TimeFormat;

/**
 * ISO-8601 date-times: written in UTC with {@code Z}, read with any offset, since an offset-less
 * time would be ambiguous.
 */
public final class IsoTime implements TimeFormat {
  /** The only instance: it has no settings. */
  public static final IsoTime INSTANCE = new IsoTime();

  private IsoTime() {}

  @Override
  public String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  @Override
  public Instant parse(String text, String field) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new ValidationException(
          field, "must be an ISO-8601 date-time with an offset, like 2026-01-01T09:30:00Z", text);
    }
  }

  @Override
  public String toString() {
    return "TimeFormat.iso()";
  }
}
