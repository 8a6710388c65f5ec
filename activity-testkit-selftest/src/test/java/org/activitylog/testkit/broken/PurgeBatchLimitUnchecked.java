package org.activitylog.testkit.broken;

import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.PurgeCriteria;
import org.activitylog.spi.PurgedBatch;
import org.activitylog.testkit.MutableClock;

/**
 * Hands a purge batch's limit to its statement unchecked: {@code LIMIT 0} deletes nothing and the
 * batch answers "nothing deleted", so a caller that computed a limit of 0 believes the purge done.
 */
final class PurgeBatchLimitUnchecked extends BrokenRepository {

  PurgeBatchLimitUnchecked(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public PurgedBatch purgeBatch(PurgeCriteria criteria, int limit) {
    return limit < 1 ? PurgedBatch.NONE : super.purgeBatch(criteria, limit);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, PurgeBatchLimitUnchecked::new);
    }
  }
}
