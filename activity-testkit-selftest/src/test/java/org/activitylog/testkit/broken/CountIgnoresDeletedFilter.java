package org.activitylog.testkit.broken;

import org.activitylog.api.ActivityQuery;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/** Counts soft-deleted activities whatever the deleted filter says. */
final class CountIgnoresDeletedFilter extends BrokenRepository {

  CountIgnoresDeletedFilter(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  public long count(ActivityQuery query) {
    return super.count(query.toBuilder().deleted(ActivityQuery.DeletedFilter.INCLUDE).build());
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, CountIgnoresDeletedFilter::new);
    }
  }
}
