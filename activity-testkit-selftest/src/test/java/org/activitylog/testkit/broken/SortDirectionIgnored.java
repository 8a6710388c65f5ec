package org.activitylog.testkit.broken;

import java.util.Comparator;
import org.activitylog.api.Activity;
import org.activitylog.api.Sort;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.QueryMatching;
import org.activitylog.testkit.MutableClock;

/** Always sorts ascending, whatever direction is asked for. */
final class SortDirectionIgnored extends ReorderingRepository {

  SortDirectionIgnored(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  Comparator<Activity> order(Sort sort) {
    return QueryMatching.comparator(new Sort(sort.field(), Sort.Direction.ASC));
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, SortDirectionIgnored::new);
    }
  }
}
