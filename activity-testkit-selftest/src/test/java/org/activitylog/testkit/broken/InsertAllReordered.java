package org.activitylog.testkit.broken;

import java.util.Comparator;
import java.util.List;
import org.activitylog.api.Activity;
import org.activitylog.api.NewActivity;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Returns a batch in creation-time order instead of the order given, as a database returning
 * generated keys in index order might.
 */
final class InsertAllReordered extends BrokenRepository {

  InsertAllReordered(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public List<Activity> insertAll(List<NewActivity> activities) {
    return super.insertAll(activities).stream()
        .sorted(Comparator.comparing(Activity::createdAt))
        .toList();
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, InsertAllReordered::new);
    }
  }
}
