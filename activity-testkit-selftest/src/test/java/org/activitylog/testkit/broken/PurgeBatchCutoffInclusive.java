package org.activitylog.testkit.broken;

import java.time.temporal.ChronoUnit;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.PurgeCriteria;
import org.activitylog.spi.PurgedBatch;
import org.activitylog.testkit.MutableClock;

/**
 * Its purge batch selects {@code created_at <= :cutoff}: the activity created at the cutoff, which
 * the cutoff names as the first one kept, is purged too.
 */
final class PurgeBatchCutoffInclusive extends BrokenRepository {

  PurgeBatchCutoffInclusive(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public PurgedBatch purgeBatch(PurgeCriteria criteria, int limit) {
    PurgeCriteria inclusive =
        new PurgeCriteria(
            criteria.createdBefore().plus(1, ChronoUnit.MICROS),
            criteria.createdFrom(),
            criteria.typeCodes(),
            criteria.excludedTypeCodes(),
            criteria.workspaceGroupIds(),
            criteria.excludedWorkspaceGroupIds());
    return super.purgeBatch(inclusive, limit);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, PurgeBatchCutoffInclusive::new);
    }
  }
}
