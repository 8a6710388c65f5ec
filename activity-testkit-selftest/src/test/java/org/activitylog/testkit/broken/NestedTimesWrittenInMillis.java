package org.activitylog.testkit.broken;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.activitylog.api.Activity;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Writes the times inside the JSON documents (the member's dates, the hi-fives' and comments'
 * dates) with a millisecond pattern such as {@code yyyy-MM-dd'T'HH:mm:ss.SSSX}, while the time
 * columns keep microseconds: those nested times lose their last three digits.
 */
final class NestedTimesWrittenInMillis extends BrokenRepository {

  NestedTimesWrittenInMillis(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  protected Activity view(Activity stored) {
    return Rows.withContent(
        stored, Deep.map(stored.content(), Instant.class, t -> t.truncatedTo(ChronoUnit.MILLIS)));
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, NestedTimesWrittenInMillis::new);
    }
  }
}
