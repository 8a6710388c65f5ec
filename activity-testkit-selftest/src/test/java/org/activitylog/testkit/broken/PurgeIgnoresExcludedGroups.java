package org.activitylog.testkit.broken;

import java.util.Set;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.PurgeCriteria;
import org.activitylog.spi.PurgedBatch;
import org.activitylog.testkit.MutableClock;

/**
 * Its purge statement builder adds the included groups but never the {@code NOT IN} of the excluded
 * ones: a policy's default purge deletes the activities of a group that a longer rule keeps.
 */
final class PurgeIgnoresExcludedGroups extends BrokenRepository {

  PurgeIgnoresExcludedGroups(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public PurgedBatch purgeBatch(PurgeCriteria criteria, int limit) {
    return super.purgeBatch(
        new PurgeCriteria(
            criteria.createdBefore(),
            criteria.createdFrom(),
            criteria.typeCodes(),
            criteria.excludedTypeCodes(),
            criteria.workspaceGroupIds(),
            Set.of()),
        limit);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, PurgeIgnoresExcludedGroups::new);
    }
  }
}
