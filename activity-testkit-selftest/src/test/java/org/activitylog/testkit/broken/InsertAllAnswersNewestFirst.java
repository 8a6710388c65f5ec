package org.activitylog.testkit.broken;

import java.util.Comparator;
import java.util.List;
import org.activitylog.api.Activity;
import org.activitylog.api.NewActivity;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Reads a stored batch back with the listing's default order, newest id first, instead of putting
 * the rows back in the order given: the answer at each position is another activity, with another
 * uid, than the one given there.
 */
final class InsertAllAnswersNewestFirst extends BrokenRepository {

  InsertAllAnswersNewestFirst(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public List<Activity> insertAll(List<NewActivity> activities) {
    return super.insertAll(activities).stream()
        .sorted(Comparator.comparingLong(Activity::id).reversed())
        .toList();
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, InsertAllAnswersNewestFirst::new);
    }
  }
}
