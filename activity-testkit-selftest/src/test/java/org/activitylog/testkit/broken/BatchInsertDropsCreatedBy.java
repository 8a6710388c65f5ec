package org.activitylog.testkit.broken;

import java.util.List;
import org.activitylog.api.Activity;
import org.activitylog.api.NewActivity;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * The multi-row INSERT of insertAll lists every column but created_by (and so writes NULL to
 * updated_by too, which starts as created_by), while insert's single-row statement has them:
 * whatever the facade or the recorder stores, both of which write in batches, loses its creator.
 */
final class BatchInsertDropsCreatedBy extends BrokenRepository {

  BatchInsertDropsCreatedBy(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public List<Activity> insertAll(List<NewActivity> activities) {
    return super.insertAll(
        activities.stream()
            .map(a -> new NewActivity(a.uid(), a.content(), a.createdAt(), null))
            .toList());
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, BatchInsertDropsCreatedBy::new);
    }
  }
}
