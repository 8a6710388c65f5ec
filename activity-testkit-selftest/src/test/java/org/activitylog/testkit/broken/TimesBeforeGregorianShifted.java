package org.activitylog.testkit.broken;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.activitylog.api.Activity;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Converts every time through {@code java.sql.Timestamp} and its calendar fields, as {@code
 * Timestamp.toLocalDateTime()} does: that calendar is Julian before 15 October 1582, so every time
 * before it comes back days off; later times are unchanged.
 */
final class TimesBeforeGregorianShifted extends BrokenRepository {

  TimesBeforeGregorianShifted(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  protected Activity view(Activity stored) {
    return Deep.map(stored, Instant.class, TimesBeforeGregorianShifted::throughHybridCalendar);
  }

  private static Instant throughHybridCalendar(Instant t) {
    GregorianCalendar fields = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    fields.setTimeInMillis(t.toEpochMilli());
    LocalDateTime read =
        LocalDateTime.of(
            fields.get(Calendar.YEAR),
            fields.get(Calendar.MONTH) + 1,
            fields.get(Calendar.DAY_OF_MONTH),
            fields.get(Calendar.HOUR_OF_DAY),
            fields.get(Calendar.MINUTE),
            fields.get(Calendar.SECOND),
            t.getNano());
    return read.toInstant(ZoneOffset.UTC);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, TimesBeforeGregorianShifted::new);
    }
  }
}
