package org.activitylog.testkit.broken;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.PurgeCriteria;
import org.activitylog.spi.PurgedBatch;
import org.activitylog.testkit.MutableClock;

/**
 * Reads the criteria's lower bound as exclusive, {@code created_at > :from}, as a keyset condition
 * is usually written: the purge starts each batch at the newest time the one before deleted, so the
 * rows that share that time and did not fit in the batch are skipped and stay.
 */
final class PurgeFromExclusive extends BrokenRepository {

  PurgeFromExclusive(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public PurgedBatch purgeBatch(PurgeCriteria criteria, int limit) {
    Instant from = criteria.createdFrom();
    return super.purgeBatch(
        from == null ? criteria : criteria.startingAt(from.plus(1, ChronoUnit.MICROS)), limit);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, PurgeFromExclusive::new);
    }
  }
}
