package org.activitylog.testkit.broken;

import java.util.ArrayList;
import java.util.List;
import org.activitylog.api.Activity;
import org.activitylog.api.NewActivity;
import org.activitylog.api.ValidationException;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Checks only the uids of a batch before writing it, since it needs them for the idempotency
 * look-ups, then inserts the activities one by one without a transaction: an activity without a
 * creation time fails at its own insert, after the ones before it are stored.
 */
final class BatchChecksOnlyUids extends BrokenRepository {

  BatchChecksOnlyUids(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public List<Activity> insertAll(List<NewActivity> activities) {
    for (NewActivity a : activities) {
      if (a.uid() == null) {
        throw new ValidationException("uid", "is required", null);
      }
    }
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
      return BrokenStore.create(clock, BatchChecksOnlyUids::new);
    }
  }
}
