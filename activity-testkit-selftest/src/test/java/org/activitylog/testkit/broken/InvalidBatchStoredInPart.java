package org.activitylog.testkit.broken;

import java.util.ArrayList;
import java.util.List;
import org.activitylog.api.Activity;
import org.activitylog.api.NewActivity;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Writes a batch row by row outside a transaction, checking each activity just before its row: a
 * batch with an invalid activity fails, but the activities before it stay stored.
 */
final class InvalidBatchStoredInPart extends BrokenRepository {

  InvalidBatchStoredInPart(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public List<Activity> insertAll(List<NewActivity> activities) {
    List<Activity> stored = new ArrayList<>(activities.size());
    for (NewActivity a : activities) {
      stored.add(insert(a));
    }
    return stored;
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, InvalidBatchStoredInPart::new);
    }
  }
}
