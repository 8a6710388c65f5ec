package org.activitylog.testkit.broken;

import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.PurgeCriteria;
import org.activitylog.spi.PurgedBatch;
import org.activitylog.testkit.MutableClock;

/**
 * Picks a purge batch's rows with the feed's WHERE-clause builder, whose default keeps {@code
 * deleted_at IS NULL}: soft-deleted activities are never purged, and stay for good.
 */
final class PurgeBatchSkipsSoftDeleted extends BrokenRepository {

  PurgeBatchSkipsSoftDeleted(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public PurgedBatch purgeBatch(PurgeCriteria criteria, int limit) {
    if (limit < 1) {
      return super.purgeBatch(criteria, limit); // lets the working store reject it
    }
    return deleteAll(purgeMatches(criteria, false).stream().limit(limit).toList());
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, PurgeBatchSkipsSoftDeleted::new);
    }
  }
}
