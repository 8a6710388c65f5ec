package org.activitylog.testkit.broken;

import java.util.Set;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.PurgeCriteria;
import org.activitylog.spi.PurgedBatch;
import org.activitylog.testkit.MutableClock;

/**
 * Its purge statement builder writes the type condition from the included types only: the {@code
 * NOT IN} of the excluded types never reaches the batch's statement, so a policy's default purge
 * deletes the activities of a type that a longer rule keeps.
 */
final class PurgeIgnoresExcludedTypes extends BrokenRepository {

  PurgeIgnoresExcludedTypes(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public PurgedBatch purgeBatch(PurgeCriteria criteria, int limit) {
    return super.purgeBatch(
        new PurgeCriteria(
            criteria.createdBefore(),
            criteria.createdFrom(),
            criteria.typeCodes(),
            Set.of(),
            criteria.workspaceGroupIds(),
            criteria.excludedWorkspaceGroupIds()),
        limit);
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, PurgeIgnoresExcludedTypes::new);
    }
  }
}
