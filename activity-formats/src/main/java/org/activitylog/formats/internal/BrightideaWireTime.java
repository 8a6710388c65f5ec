package org.activitylog.formats.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import org.activitylog.api.ValidationException;
import org.activitylog.jackson.TimeFormat;

/**
 * Brightidea's {@code yyyy-MM-dd HH:mm:ss.SSS}: a local time without zone, so the format needs a
 * configured zone to mean an instant. Written with exactly three fraction digits (finer precision
 * is truncated); read with zero to nine.
 */
public final class BrightideaWireTime implements TimeFormat {
  private static final DateTimeFormatter WRITE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS")
          .withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter READ =
      new DateTimeFormatterBuilder()
          .appendPattern("uuuu-MM-dd HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .toFormatter()
          .withResolverStyle(ResolverStyle.STRICT);

  private final ZoneId zone;

  /**
   * A format for times in the given zone.
   *
   * @param zone the zone the local times are in
   */
  public BrightideaWireTime(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public String format(Instant instant) {
    return WRITE.format(LocalDateTime.ofInstant(instant, zone));
  }

  @Override
  public Instant parse(String text, String field) {
    try {
      // In a daylight-saving overlap the earlier offset wins, as ZonedDateTime does by default.
      return LocalDateTime.parse(text, READ).atZone(zone).toInstant();
    } catch (DateTimeException e) {
      throw new ValidationException(
          field, "must be a date-time like 2013-04-18 12:16:41.720", text);
    }
  }
}
