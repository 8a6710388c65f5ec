package org.activitylog.testkit.broken;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/** Purges the activities created at the cutoff too: {@code created_at <= cutoff}. */
final class PurgeCutoffInclusive extends BrokenRepository {

  PurgeCutoffInclusive(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public long purgeCreatedBefore(Instant cutoff) {
    return super.purgeCreatedBefore(cutoff.plus(1, ChronoUnit.MICROS));
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, PurgeCutoffInclusive::new);
    }
  }
}
